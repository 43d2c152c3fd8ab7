import * as ApiKey from "@hangar/core/apikey/index";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, deploy, waitForState } from "../support/api";
import { launchChromium } from "../support/browser";
import { stack } from "../support/stack";

const origin = new URL(stack.apiUrl).origin;
const NAME = `console-bot-${Date.now().toString(36)}`;

/** A page that records every request it makes and every console message it prints. */
async function openConsole(context: BrowserContext) {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const requests: string[] = [];
  const messages: string[] = [];
  const failures: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("response", (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  page.on("console", (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => messages.push(`pageerror: ${error.message}`));
  await page.goto(`${origin}/console`);
  return { page, requests, messages, failures };
}

async function signIn(page: Page, key: string) {
  await page.getByLabel("API key").fill(key);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("serving /console", () => {
  it("answers the page with a strict CSP, nosniff and no referrer, and nothing inline in it", async () => {
    const res = await fetch(`${origin}/console`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("content-security-policy")).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
  });

  it("serves the hashed assets it links to as immutable, with their content types", async () => {
    const html = await (await fetch(`${origin}/console/`)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/console\/assets\/[^"]+)"/g)].map((m) => m[1] ?? "");
    expect(assets.some((a) => a.endsWith(".js"))).toBe(true);
    expect(assets.some((a) => a.endsWith(".css"))).toBe(true);
    for (const asset of assets) {
      const res = await fetch(`${origin}${asset}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("content-type")).toBe(
        asset.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8",
      );
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("answers 404 for a file the build does not have, and never reads outside it", async () => {
    for (const path of [
      "/console/assets/missing.js",
      "/console/..%2F..%2Fpackage.json",
      "/console/%2e%2e/package.json",
    ]) {
      const res = await fetch(`${origin}${path}`);
      expect(res.status, path).toBe(404);
    }
  });
});

describe("the console in Chromium", () => {
  let context: BrowserContext;
  let session: Awaited<ReturnType<typeof openConsole>>;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    session = await openConsole(context);
    page = session.page;
  });
  afterAll(async () => {
    await context?.close();
  });

  it("refuses a wrong key with the API's error, then signs in with the right one, keeping it in session storage only", async () => {
    await page.getByLabel("API key").fill("hk_not_a_key");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "auth.invalid_key" }).waitFor();

    await signIn(page, stack.apiKey);
    expect(await page.evaluate(() => sessionStorage.getItem("hangar.apiKey"))).toBe(stack.apiKey);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await context.cookies()).toEqual([]);
    expect(page.url()).not.toContain(stack.apiKey);
    await page.getByRole("heading", { name: "Deployments" }).waitFor();
  });

  it("creates a deployment from the form, showing the estimate before it can be submitted", async () => {
    await page.getByRole("link", { name: "New deployment" }).click();
    await page.getByLabel("Provider").selectOption("together");
    await page.getByLabel("Model source").fill("hf://Qwen/Qwen2.5-0.5B-Instruct");
    await page.getByLabel("Name").fill(NAME);
    // Together lists its v2 instance types, each also known by its v1 id.
    const hardware = page.getByRole("radio", { name: /1xnvidia-h100-80gb.*also 1x_nvidia_h100_80gb_sxm/ });
    await hardware.check();
    const create = page.getByRole("button", { name: "Create deployment" });
    expect(await create.isDisabled()).toBe(true);

    await page.getByRole("button", { name: "Estimate cost" }).click();
    const estimate = page.getByRole("region", { name: "Estimate" });
    await estimate
      .getByText(/^\$[\d,.]+ \/ month$/)
      .first()
      .waitFor();
    expect(await estimate.textContent()).toMatch(/Always on\$[\d,.]+ \/ month/);
    expect(await create.isEnabled()).toBe(true);

    // Changing the form makes the estimate stale: it must be asked again before creating.
    await page.getByLabel("Max replicas").fill("2");
    expect(await create.isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Estimate cost" }).click();
    await page.locator("button:enabled", { hasText: "Create deployment" }).waitFor();
    await create.click();
    await page.getByRole("heading", { name: "Deployments" }).waitFor();
  });

  it("shows the new deployment become ready in the table without reloading the page", async () => {
    await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));
    const row = page.locator(`tr[data-deployment="${NAME}"]`);
    await row.waitFor();
    await row.locator(".badge", { hasText: /^ready$/ }).waitFor({ timeout: 90_000 });
    expect(await page.evaluate(() => (globalThis as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await row.textContent()).toContain("1xnvidia-h100-80gb");
    expect(await row.textContent()).toContain("together");
  });

  it("opens the deployment and streams an answer in the test chat", async () => {
    await page.getByRole("link", { name: NAME, exact: true }).click();
    await page.getByRole("heading", { name: new RegExp(NAME) }).waitFor();
    await page.getByLabel("Message").fill("Say hello");
    const chat = page.waitForResponse((r) => r.url().endsWith("/openai/v1/chat/completions"));
    await page.getByRole("button", { name: "Send" }).click();
    const response = await chat;
    expect(response.headers()["content-type"]).toContain("text/event-stream");
    const answer = page.locator(".message.assistant .text");
    await answer.filter({ hasText: "You said: Say hello" }).waitFor();
    await page.getByRole("button", { name: "Send" }).waitFor();
  });

  it("edits its idle policy, a lease and its budget, submitting by keyboard too", async () => {
    const idle = page.getByRole("form", { name: "Idle policy" });
    await idle.getByLabel("Stop after idle (minutes)").fill("45");
    await idle.getByRole("button", { name: "Save idle policy" }).click();
    await idle.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    expect((await api(`/v1/deployments/${NAME}`)).body.idleTimeoutMinutes).toBe(45);

    const leases = page.getByRole("form", { name: "Leases" });
    await leases.getByLabel("For (minutes)").fill("60");
    await leases.getByLabel("Reason").fill("e2e demo");
    await leases.getByLabel("Reason").press("Enter");
    await leases.getByRole("listitem").filter({ hasText: "e2e demo" }).waitFor();
    expect((await api(`/v1/deployments/${NAME}/leases`)).body.data).toHaveLength(1);
    await leases.getByRole("button", { name: "Release lease e2e demo" }).click();
    await leases.getByRole("listitem").filter({ hasText: "e2e demo" }).waitFor({ state: "detached" });
    expect((await api(`/v1/deployments/${NAME}/leases`)).body.data).toHaveLength(0);

    const budget = page.getByRole("form", { name: "Monthly budget" });
    await budget.getByLabel("Warn at (USD)").fill("100");
    await budget.getByLabel("Stop at (USD)").fill("200");
    await budget.getByRole("button", { name: "Save monthly budget" }).click();
    await budget.getByText(/^Spent \$/).waitFor();
    const saved = (await api(`/v1/deployments/${NAME}/budget`)).body;
    expect([saved.softLimitUsd, saved.hardLimitUsd]).toEqual([100, 200]);
  });

  it("stops it after a confirmation (Escape cancels) and shows the savings by reason", async () => {
    const stop = page.getByRole("button", { name: "Stop", exact: true });
    const dialog = page.getByRole("dialog", { name: `Stop ${NAME}?` });
    await stop.click();
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect((await api(`/v1/deployments/${NAME}`)).body.desired).toMatchObject({ state: "running" });

    await stop.click();
    await dialog.getByRole("button", { name: "Stop deployment" }).click();
    const badge = page.getByRole("heading", { name: new RegExp(NAME) }).locator(".badge");
    await badge.filter({ hasText: /^stopped$/ }).waitFor({ timeout: 90_000 });

    const chart = page.getByRole("img", { name: /^Savings by reason: manual \$/ });
    await chart.waitFor({ timeout: 30_000 });
    const savings = page.getByRole("table", { name: "Savings by reason" });
    expect(await savings.getByRole("row", { name: /manual/ }).textContent()).toMatch(
      /manual\$0?\.\d+|manual\$\d/,
    );
    await page.locator(".timeline li", { hasText: "stopped" }).first().waitFor();
  });

  it("signs out and leaves no key behind", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("API key").waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });

  it("raised no CSP violation and no error in the browser's console", () => {
    const problems = session.messages.filter(
      (m) => /Content.Security.Policy|Refused to/i.test(m) || m.startsWith("pageerror"),
    );
    expect(problems).toEqual([]);
    // The browser logs every 4xx as an error: the refused key's 401 at sign-in, and the 404 that
    // says this deployment has no budget. Nothing else failed.
    expect(
      session.failures.filter(
        (f) => !/^401 \/v1\/deployments$|^404 \/v1\/deployments\/[^/]+\/budget$/.test(f),
      ),
    ).toEqual([]);
    expect(session.messages.filter((m) => m.startsWith("error:")).length).toBe(session.failures.length);
  });

  it("made no request to any origin but its own", () => {
    expect(session.requests.length).toBeGreaterThan(10);
    expect(session.requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });
});

describe("tenant isolation", () => {
  it("shows a second tenant none of the first tenant's deployments", async () => {
    const name = `isolated-${Date.now().toString(36)}`;
    const mine = await deploy({ name });
    await waitForState(mine.id, "ready");
    const other = (await ApiKey.create({ tenantId: `ten_console_${Date.now()}`, name: "console" })).key;
    expect((await api("/v1/deployments", { key: other })).body.data).toEqual([]);

    const context = await browser.newContext();
    try {
      const { page } = await openConsole(context);
      await signIn(page, other);
      await page.getByText("No deployments here yet.").waitFor();
      expect(await page.locator("tbody tr").count()).toBe(0);

      await page.goto(`${origin}/console#/deployments/${mine.id}`);
      await page.getByRole("alert").filter({ hasText: "deployment.not_found" }).waitFor();
      expect(await page.getByText(name).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
