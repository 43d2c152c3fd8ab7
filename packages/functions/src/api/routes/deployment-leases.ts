import { Lease } from "@hangar/core/deployment/index";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import * as z from "zod";
import { body, errors, IdParam, json } from "../openapi";

const tags = ["Cost policies"];
const security = [{ bearerAuth: [] }];

export const deploymentLeases = new OpenAPIHono()
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/leases",
      tags,
      security,
      summary: "Keep a deployment up until a time (no idle or scheduled stop)",
      request: {
        params: IdParam,
        body: body(Lease.LeaseInput, { durationMinutes: 120, reason: "customer demo" }),
      },
      responses: { 201: json(Lease.Lease, "Held"), ...errors(400, 401, 404, 409) },
    }),
    async (c) => c.json(await Lease.create(c.req.valid("json"), c.req.valid("param").id), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/leases",
      tags,
      security,
      summary: "Active leases",
      request: { params: IdParam },
      responses: {
        200: json(z.object({ data: z.array(Lease.Lease) }), "Leases not yet expired"),
        ...errors(401, 404),
      },
    }),
    async (c) => c.json({ data: await Lease.list(c.req.valid("param").id) }, 200),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}/leases/{leaseId}",
      tags,
      security,
      summary: "Release a lease early",
      request: {
        params: IdParam.extend({ leaseId: z.string().meta({ param: { name: "leaseId", in: "path" } }) }),
      },
      responses: { 204: { description: "Released" }, ...errors(401, 404) },
    }),
    async (c) => {
      const { id, leaseId } = c.req.valid("param");
      await Lease.release(id, leaseId);
      return c.body(null, 204);
    },
  );
