import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { API_TIMEOUTS, serverTimeouts } from "@hangar/core/util/server-timeouts";
import { demoRepos } from "./demo";
import { HubRepo, type HubRepoSpec } from "./repo";
import { handle } from "./server";

export { demoRepos } from "./demo";
export type { HubFileSpec } from "./files";
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

/** A local stand-in for the Hugging Face Hub's model listing and download routes, over real HTTP. */
export async function startHubSimulator(options: HubSimulatorOptions = {}): Promise<HubSimulator> {
  const ctx = {
    repos: new Map<string, HubRepo>(),
    token: options.token ?? DEFAULT_HUB_TOKEN,
    pageSize: options.pageSize ?? 1000,
    secret: randomBytes(32),
  };
  const addRepo = (id: string, spec: HubRepoSpec) => {
    if (!/^[\w.-]+\/[\w.-]+$/.test(id)) throw new Error(`Repo ids look like org/name, not ${id}`);
    ctx.repos.set(id, new HubRepo(id, spec));
  };
  for (const [id, spec] of Object.entries({ ...(options.demo === false ? {} : demoRepos), ...options.repos }))
    addRepo(id, spec);

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
