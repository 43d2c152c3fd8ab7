import { Config } from "@hangar/core/config";
import type { Context } from "hono";

/**
 * Where clients reach this API: HANGAR_PUBLIC_URL when set, else the request's origin as the
 * client saw it. A Lambda function URL (and most proxies) pass that as x-forwarded-proto/-host.
 */
export function publicUrl(c: Context): string {
  const configured = Config.publicUrl();
  if (configured) return configured.replace(/\/+$/, "");
  const url = new URL(c.req.url);
  const proto = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() ?? url.protocol.slice(0, -1);
  const host = c.req.header("x-forwarded-host")?.split(",")[0]?.trim() ?? c.req.header("host") ?? url.host;
  return `${proto}://${host}`;
}
