import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, extname, join, relative } from "node:path";
import { Hono, type MiddlewareHandler } from "hono";
import { compress } from "hono/compress";
import { errorBody } from "../errors";

/**
 * The console (packages/console) is a static client of this API, built by Vite into its dist/.
 * Nothing in it is inline, so the CSP allows scripts, styles and requests from this origin only.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

type File = { body: Uint8Array<ArrayBuffer>; type: string; cache: string };

/** Locally the package's dist/; on Lambda, sst.config.ts copies it to console/ beside the handler. */
function distPath(): string {
  const root = process.env.LAMBDA_TASK_ROOT;
  if (root) return join(root, "console");
  return join(dirname(createRequire(import.meta.url).resolve("@hangar/console/package.json")), "dist");
}

/** Every built file by its path under /console/; only these are ever served (no path from the URL reaches the disk). */
async function load(): Promise<Map<string, File>> {
  const dir = distPath();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, File>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const path = relative(dir, full).split("\\").join("/");
    files.set(path, {
      body: new Uint8Array(await readFile(full)),
      type: types[extname(path)] ?? "application/octet-stream",
      // Vite puts a content hash in every name under assets/: a new build is a new URL.
      cache: path.startsWith("assets/")
        ? "public, max-age=31536000, immutable"
        : path === "index.html"
          ? "no-cache"
          : "public, max-age=3600",
    });
  }
  if (!files.has("index.html")) throw new Error(`no index.html in ${dir}`);
  return files;
}

let built: Promise<Map<string, File>> | undefined;

function secure(): MiddlewareHandler {
  return async function secure(c, next) {
    await next();
    c.header("content-security-policy", CONSOLE_CSP);
    c.header("x-content-type-options", "nosniff");
    c.header("referrer-policy", "no-referrer");
  };
}

const serve: MiddlewareHandler = async (c) => {
  built ??= load().catch((error) => {
    // Not built yet (or being rebuilt): try again on the next request.
    built = undefined;
    throw error;
  });
  const files = await built.catch(() => undefined);
  if (!files) {
    return c.json(
      errorBody(
        "console.not_built",
        "The console is not built: run `npm run build -w @hangar/console` (`npm start` does it), then reload.",
      ),
      503,
    );
  }
  const path = c.req.path.replace(/^\/console\/?/, "") || "index.html";
  const file = files.get(path);
  if (!file) return c.notFound();
  return c.body(file.body, 200, { "content-type": file.type, "cache-control": file.cache });
};

export const consoleRoutes = new Hono()
  .use("/console", secure())
  .use("/console/*", secure(), compress())
  .get("/console", serve)
  .get("/console/*", serve);
