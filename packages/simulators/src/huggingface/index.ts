import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { API_TIMEOUTS, serverTimeouts } from "@hangar/core/util/server-timeouts";
import { demoRepos } from "./demo";
import { DEFAULT_SCALE, knownRepos } from "./known";
import { HubRepo, type HubRepoSpec } from "./repo";
import { handle } from "./server";

export { demoRepos } from "./demo";
export type { HubFileSpec } from "./files";
export { DEFAULT_SCALE, knownRepos } from "./known";
export type { HubRepoSpec } from "./repo";

/** Not a secret: the simulator's stand-in for a user's `hf_…` token. */
export const DEFAULT_HUB_TOKEN = "hf_simulator_token";

export type HubSimulatorOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** The bearer token that opens private and gated repos. */
  token?: string;
  /** Added to (or replacing) the demo repos, keyed `org/repo`. */
  repos?: Record<string, HubRepoSpec>;
  /** Preload demoRepos (default true). */
  demo?: boolean;
  /** Preload knownRepos, well-known public repos under their real names (default true). */
  known?: boolean;
  /** Their weights' real sizes times this; default HANGAR_HF_SIM_SCALE or 0.001. */
  scale?: number;
  /** Tree entries per page before a `Link: rel="next"`; the Hub uses 1000. */
  pageSize?: number;
};

export type HubSimulator = {
  /** Ready for HF_ENDPOINT. */
  url: string;
  token: string;
  /** Adds a repo, or replaces one (a new commit: the "source changed" case). */
  addRepo(id: string, spec: HubRepoSpec): void;
  close(): Promise<void>;
};

/** HANGAR_HF_SIM_SCALE: the fraction of their real size the well-known repos' weights have. */
export function parseScale(raw: string | undefined): number {
  if (!raw) return DEFAULT_SCALE;
  const scale = Number(raw);
  if (!(scale > 0 && scale <= 1))
    throw new Error(`HANGAR_HF_SIM_SCALE must be a number in (0, 1], not ${raw}`);
  return scale;
}

/** A local stand-in for the Hugging Face Hub's model listing and download routes, over real HTTP. */
export async function startHubSimulator(options: HubSimulatorOptions = {}): Promise<HubSimulator> {
  const ctx = {
    repos: new Map<string, HubRepo>(),
    token: options.token ?? DEFAULT_HUB_TOKEN,
    pageSize: options.pageSize ?? 1000,
    secret: randomBytes(32),
    startedAt: new Date().toISOString(),
  };
  const addRepo = (id: string, spec: HubRepoSpec) => {
    if (!/^[\w.-]+\/[\w.-]+$/.test(id)) throw new Error(`Repo ids look like org/name, not ${id}`);
    ctx.repos.set(id, new HubRepo(id, spec));
  };
  const preloaded = {
    ...(options.known === false
      ? {}
      : knownRepos(options.scale ?? parseScale(process.env.HANGAR_HF_SIM_SCALE))),
    ...(options.demo === false ? {} : demoRepos),
  };
  for (const [id, spec] of Object.entries({ ...preloaded, ...options.repos })) addRepo(id, spec);

  // The Hub simulator only sends bodies; it reads none, so the API's limits fit it.
  const server = createServer(serverTimeouts(API_TIMEOUTS), (req, res) => {
    handle(ctx, req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else
        res
          .writeHead(500, { "content-type": "application/json" })
          .end(JSON.stringify({ error: String(error) }));
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    token: ctx.token,
    addRepo,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
