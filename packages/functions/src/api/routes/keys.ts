import * as ApiKey from "@hangar/core/apikey/index";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import * as z from "zod";
import { errors, json } from "../openapi";

const tags = ["API keys"];
const security = [{ bearerAuth: [] }];
const Created = ApiKey.KeyInfo.extend({
  key: z.string().meta({ description: "The secret, `hk_…`. Shown only here: only its hash is stored." }),
}).meta({ id: "ApiKeyCreated" });
const KeyParam = z.object({
  id: z.string().meta({ param: { name: "id", in: "path" }, example: "key_01jd4k2z5x8q3w6e9r0t1y2u3i" }),
});

export const keys = new OpenAPIHono()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags,
      security,
      summary: "The tenant's API keys, revoked ones included",
      description: "Never the secrets: a key is told apart by its id, name, prefix and last four characters.",
      responses: {
        200: json(z.object({ data: z.array(ApiKey.KeyInfo) }), "Keys, oldest first"),
        ...errors(401),
      },
    }),
    async (c) => c.json({ data: await ApiKey.list() }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      tags,
      security,
      summary: "Create an API key for the tenant",
      request: {
        body: {
          content: { "application/json": { schema: ApiKey.CreateInput, example: { name: "ci" } } },
          required: false,
        },
      },
      responses: {
        201: json(Created, "Created; copy `key` now, it is not shown again"),
        ...errors(400, 401),
      },
    }),
    async (c) => c.json(await ApiKey.issue(c.req.valid("json") ?? {}), 201),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      tags,
      security,
      summary: "Revoke an API key",
      description: `Requests with a revoked key get \`401 auth.invalid_key\`. The API remembers verified keys
for a short window (60 s by default, \`HANGAR_API_KEY_CACHE_SECONDS\`), so an API instance that served
the key shortly before may still accept it until that window ends. The key used for this call may
revoke itself; the tenant's last active key may not (\`409 apikey.last_key\`): create another first.
Revoking a revoked key answers it unchanged.`,
      request: { params: KeyParam },
      responses: { 200: json(ApiKey.KeyInfo, "Revoked"), ...errors(401, 404, 409) },
    }),
    async (c) => c.json(await ApiKey.revoke(c.req.valid("param").id), 200),
  );
