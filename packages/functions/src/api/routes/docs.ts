import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Scalar } from "@scalar/hono-api-reference";
import { Hono } from "hono";
import { compress } from "hono/compress";

const ASSET = "/assets/standalone.js";
/** Where the reference's browser bundle is served (the router is mounted at /docs). */
export const SCALAR_ASSET = `/docs${ASSET}`;

/**
 * The reference's browser bundle ships in @scalar/api-reference, so /docs works with no network.
 * Locally it is read from node_modules; in the Lambda bundle there is no node_modules, so
 * sst.config.ts copies the one file to scalar/standalone.js beside the handler (copyFiles).
 * It is read on first request, not at import: most cold starts never serve /docs.
 */
function standalonePath(): string {
  const root = process.env.LAMBDA_TASK_ROOT;
  if (root) return join(root, "scalar", "standalone.js");
  // The package exports only its entry points; the browser bundle sits beside dist/index.js.
  const entry = createRequire(import.meta.url).resolve("@scalar/api-reference");
  return join(dirname(entry), "browser", "standalone.js");
}

let standalone: Promise<string> | undefined;

export const docs = new Hono()
  .get(
    "/",
    Scalar({
      url: "/openapi.json",
      pageTitle: "Hangar API",
      cdn: SCALAR_ASSET,
      // The default fonts come from fonts.scalar.com; the system fonts need no network.
      withDefaultFonts: false,
    }),
  )
  // 4.8 MB as is, about a quarter of that compressed.
  .get(ASSET, compress(), async (c) => {
    standalone ??= readFile(standalonePath(), "utf8").catch((error) => {
      standalone = undefined;
      throw error;
    });
    return c.body(await standalone, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=86400",
    });
  });
