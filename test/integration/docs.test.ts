import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { api, type Json } from "../support/api";
import { stack } from "../support/stack";

type Operation = { requestBody?: { content?: Record<string, { schema?: unknown; example?: unknown }> } };

// ajv-formats is CommonJS; its default export arrives either wrapped or bare.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

async function openapi() {
  const res = await api("/openapi.json", { key: null });
  expect(res.status).toBe(200);
  return res.body as Json & { paths: Record<string, Record<string, Operation>> };
}

function requestBodies(doc: Awaited<ReturnType<typeof openapi>>) {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).flatMap(([method, op]) => {
      const media = op.requestBody?.content?.["application/json"];
      return media ? [{ operation: `${method.toUpperCase()} ${path}`, ...media }] : [];
    }),
  );
}

describe("the interactive reference", () => {
  it("serves /docs with its script from the same origin, so it works with no network", async () => {
    const page = await api("/docs", { key: null });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.text).not.toContain("https://cdn");
    expect(page.text).not.toContain("jsdelivr");
    expect(page.text).not.toContain("fonts.scalar.com");
    expect(page.text).not.toMatch(/<script[^>]+src="https?:/);

    const sources = [...page.text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(sources).toEqual(["/docs/assets/standalone.js"]);
    const asset = await fetch(new URL(sources[0] ?? "", `${stack.apiUrl}/docs`));
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await asset.text()).toContain("createApiReference");
  });

  it("tells clients where the API is and that it takes a bearer key", async () => {
    const doc = await openapi();
    // The local stack sets HANGAR_PUBLIC_URL to its own address.
    expect(doc.servers).toEqual([{ url: stack.apiUrl }]);
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect((doc.components as { securitySchemes: Json }).securitySchemes.bearerAuth).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
  });

  it("gives every request body an example that its own schema accepts", async () => {
    const doc = await openapi();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(doc, "doc");
    const bodies = requestBodies(doc);
    expect(bodies.map((b) => b.operation)).toContain("POST /v1/deployments");
    for (const body of bodies) {
      expect(body.example, `${body.operation} has no example`).toBeDefined();
      // Schemas refer to #/components/…, which resolve inside the document added as "doc".
      const schema = JSON.parse(JSON.stringify(body.schema).replaceAll('"#/', '"doc#/'));
      const valid = ajv.validate(schema, body.example);
      expect(valid, `${body.operation}: ${JSON.stringify(ajv.errors)}`).toBe(true);
    }
  });

  it("accepts the create-deployment example as sent by try it", async () => {
    const doc = await openapi();
    const create = requestBodies(doc).find((b) => b.operation === "POST /v1/deployments");
    const res = await api("/v1/deployments", { body: create?.example });
    expect(res.status, res.text).toBe(202);
    expect(res.body).toMatchObject({ state: "queued", name: "support-bot" });
  });
});
