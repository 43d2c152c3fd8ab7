import { Hono } from "hono";
import { shapeVersions } from "../catalog";
import { notFound, rpcError } from "../errors";
import { accountOf, paginate } from "../http";
import type { SimState } from "../state";

type Version = ReturnType<typeof shapeVersions>[number];

/** The AIP-160 subset the docs' discovery query uses: `snapshot.base_model="…"`, `latest_validated=true`, joined by AND. */
function parseFilter(filter: string): ((v: Version) => boolean) | string {
  const tests: ((v: Version) => boolean)[] = [];
  for (const clause of filter.split(/\s+AND\s+/i).filter((s) => s.trim())) {
    const base = /^snapshot\.base_model\s*=\s*"([^"]*)"$/.exec(clause.trim());
    if (base) tests.push((v) => v.snapshot.baseModel === base[1]);
    else if (/^latest_validated\s*=\s*true$/.test(clause.trim())) tests.push((v) => v.latestValidated);
    else return `invalid filter: unsupported clause ${clause.trim()}`;
  }
  return (v) => tests.every((t) => t(v));
}

/** Deployment shapes live in the `fireworks` account; `-` stands for every account and every shape. */
export function shapeRoutes(state: SimState) {
  const app = new Hono();
  const owned = (account?: string) => account === "-" || account === "fireworks";

  app.get("/deploymentShapes/:shape/versions", (c) => {
    const filter = parseFilter(c.req.query("filter") ?? "");
    if (typeof filter === "string") return rpcError(c, "INVALID_ARGUMENT", filter);
    const shape = c.req.param("shape");
    const versions = owned(accountOf(c))
      ? shapeVersions().filter((v) => (shape === "-" || v.snapshot.name.endsWith(`/${shape}`)) && filter(v))
      : [];
    return c.json(paginate(c, versions, "deploymentShapeVersions", state.maxPageSize));
  });

  app.get("/deploymentShapes/:shape/versions/:version", (c) => {
    const found = shapeVersions().find(
      (v) =>
        v.snapshot.name.endsWith(`/${c.req.param("shape")}`) && v.name.endsWith(`/${c.req.param("version")}`),
    );
    return found && owned(accountOf(c))
      ? c.json(found)
      : notFound(c, "deployment shape version", c.req.param("version"));
  });

  app.get("/deploymentShapes", (c) => {
    const target = c.req.query("targetModel");
    const shapes = owned(accountOf(c)) ? shapeVersions().map((v) => v.snapshot) : [];
    const matching = shapes.filter((s) => !target || s.baseModel === target);
    return c.json(paginate(c, matching, "deploymentShapes", state.maxPageSize));
  });

  return app;
}
