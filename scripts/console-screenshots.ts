/**
 * `npm run console:screenshots`: 1280×800 pictures of the console's main pages, for the README,
 * taken in Chromium against a local stack of its own (in memory, free ports) holding a few
 * deployments in different states, a webhook receiver that answers and one that doesn't.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { startStack } from "@hangar/local/stack";
import { Hangar, type paths, unwrap } from "@hangar/sdk";
import { launchChromium } from "../test/support/browser";

type CreateBody = paths["/v1/deployments"]["post"]["requestBody"]["content"]["application/json"];

const root = fileURLToPath(new URL("..", import.meta.url));
const out = (page: string) => `${root}docs/console-${page}.png`;

const build = spawnSync(
  "npm",
  ["run", "--silent", "build", "-w", "@hangar/console", "--", "--logLevel", "warn"],
  {
    cwd: root,
    stdio: "inherit",
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const receiver = createServer((_req, res) => res.writeHead(204).end());
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

const stack = await startStack({
  inMemory: true,
  port: 0,
  together: "simulator",
  env: {
    HANGAR_TABLE: `hangar-screenshots-${randomBytes(4).toString("hex")}`,
    HANGAR_DYNAMODB_PORT: "0",
    HANGAR_SQS_PORT: "0",
    HANGAR_SIMULATOR_PORT: "0",
    HANGAR_FIREWORKS_SIMULATOR_PORT: "0",
    HANGAR_HF_SIMULATOR_PORT: "0",
    HANGAR_LOG_LEVEL: "error",
    HANGAR_WEBHOOK_RETRY_BASE_SECONDS: "1",
  },
});

try {
  const hangar = new Hangar({ url: stack.apiUrl, apiKey: stack.apiKey });
  unwrap(await hangar.api.POST("/v1/webhooks", { body: { url: receiverUrl } }));
  unwrap(
    await hangar.api.POST("/v1/webhooks", {
      body: { url: "http://127.0.0.1:9/ops-alerts", events: ["deployment.failed", "deployment.stopped"] },
    }),
  );

  const weekdays = {
    timezone: "Europe/Paris",
    windows: [
      {
        days: ["mon", "tue", "wed", "thu", "fri"] as ("mon" | "tue" | "wed" | "thu" | "fri")[],
        start: "08:00",
        end: "19:00",
      },
    ],
  };
  const create = async (body: CreateBody) => unwrap(await hangar.api.POST("/v1/deployments", { body }));
  await create({
    name: "support-bot",
    provider: "together",
    model: { source: "hf://Qwen/Qwen2.5-0.5B-Instruct" },
    hardware: "1x_nvidia_h100_80gb_sxm",
    autoscaling: { minReplicas: 1, maxReplicas: 2 },
    idleTimeoutMinutes: 30,
    schedule: weekdays,
  });
  await create({
    name: "batch-summarizer",
    provider: "together",
    model: { source: "hf://Qwen/Qwen2.5-7B-Instruct" },
    hardware: "1x_nvidia_h100_80gb_sxm",
    idleTimeoutMinutes: 60,
  });
  await create({
    name: "fw-qwen-7b",
    provider: "fireworks",
    model: { source: "hf://Qwen/Qwen2.5-7B-Instruct" },
    hardware: "1x_nvidia_h100_80gb",
    precision: "FP8",
    idleTimeoutMinutes: 45,
  });
  for (const name of ["support-bot", "batch-summarizer", "fw-qwen-7b"]) {
    await hangar.waitFor(name, "ready", { timeoutSeconds: 120 });
  }
  unwrap(
    await hangar.api.POST("/v1/deployments/{id}/stop", { params: { path: { id: "batch-summarizer" } } }),
  );
  await hangar.waitFor("batch-summarizer", "stopped", { timeoutSeconds: 120 });
  unwrap(
    await hangar.api.POST("/v1/deployments/{id}/leases", {
      params: { path: { id: "support-bot" } },
      body: { durationMinutes: 120, reason: "customer demo at 3pm" },
    }),
  );
  await create({
    name: "eval-llama",
    provider: "together",
    model: { source: "hf://Qwen/Qwen2.5-0.5B-Instruct" },
    hardware: "1x_nvidia_h100_80gb_sxm",
    idleTimeoutMinutes: 15,
  });
  // Savings accrue with stopped time: let a few seconds of it pass.
  await new Promise((resolve) => setTimeout(resolve, 4000));

  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const origin = new URL(stack.apiUrl).origin;
    await page.goto(`${origin}/console`);
    await page.getByLabel("API key").fill(stack.apiKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator('tr[data-deployment="support-bot"]').waitFor();
    await page.mouse.move(0, 799);
    await page.screenshot({ path: out("deployments") });

    await page.goto(`${origin}/console#/deployments/support-bot`);
    await page.getByLabel("Message").fill("Say hello");
    await page.getByRole("button", { name: "Send" }).click();
    await page.locator(".message.assistant .text", { hasText: "You said" }).waitFor();
    await page.locator('dt:text-is("Last activity") + dd', { hasText: "ago" }).waitFor();
    await page.getByRole("heading", { name: "Timeline" }).waitFor();
    await page.screenshot({ path: out("deployment") });

    await page.goto(`${origin}/console#/deployments/batch-summarizer`);
    await page.getByRole("img", { name: /^Savings by reason/ }).waitFor();
    await page.screenshot({ path: out("savings") });

    await page.goto(`${origin}/console#/cost`);
    await page.getByRole("heading", { name: "By deployment" }).waitFor();
    await page.screenshot({ path: out("cost") });

    await page.goto(`${origin}/console#/webhooks`);
    await page.getByRole("heading", { name: /Deliveries to/ }).waitFor();
    await page.locator(".delivery-delivered").first().waitFor();
    await page.screenshot({ path: out("webhooks") });
    console.log(`Saved docs/console-{deployments,deployment,savings,cost,webhooks}.png`);
  } finally {
    await browser.close();
  }
} finally {
  await stack.stop();
  receiver.close();
}
