import * as z from "zod";
import { Config } from "../config";
import { VisibleError } from "../error";
import { fn } from "../util/fn";
import { adaptersOf } from "./follow";
import { request } from "./request";
import { desiredOf, type Row } from "./row";

export const MigrateInput = z.object({
  drainSeconds: z.number().int().min(0).max(3600).optional().meta({
    description:
      "How long the old endpoint keeps serving after the switch, so requests in flight (and those that read the deployment just before) finish on it; default HANGAR_MIGRATION_DRAIN_SECONDS (300).",
  }),
  timeoutSeconds: z
    .number()
    .int()
    .min(10)
    .max(6 * 3600)
    .optional()
    .meta({
      description:
        "How long the new endpoint may take to serve before the migration is abandoned (it is deleted; the old one keeps serving); default HANGAR_MIGRATION_TIMEOUT_SECONDS (3600). At most 6 hours, Together's own readiness limit.",
    }),
});

const refuse = (code: string, message: string, details?: Record<string, unknown>) =>
  new VisibleError("conflict", code, message, details);

/** Why this deployment can't start a migration now, in words that say what to do; undefined when it can. */
function refusal(row: Row): VisibleError | undefined {
  if (row.provider !== "together") {
    return new VisibleError(
      "unprocessable",
      "deployment.migration_unsupported",
      `Only Together deployments have an older API generation to migrate from; this one runs on ${row.provider}.`,
    );
  }
  if ((row.apiVersion ?? "v1") === "v2") {
    return refuse("deployment.already_migrated", "The deployment already runs on Together v2.", {
      apiVersion: "v2",
    });
  }
  if (row.model.baseDeploymentId) {
    return refuse(
      "deployment.adapter_follows_base",
      `An adapter moves with its base: migrate ${row.model.baseDeploymentId} instead (after unloading its adapters).`,
    );
  }
  if (row.retiringId) {
    return refuse(
      "deployment.retiring_endpoint",
      `The endpoint ${row.retiringId}, which it no longer uses (replaced by a hardware change, or left by an abandoned migration), is still being deleted: migrate again in a minute, once it is gone.`,
      { endpointId: row.retiringId },
    );
  }
  const state = row.state;
  const what: Partial<Record<Row["state"], string>> = {
    deleted: "It is deleted: there is nothing to migrate.",
    deleting: "It is being deleted: there is nothing to migrate.",
    failed: "It failed: delete it and deploy again (new Together deployments run on v2), or fix it first.",
    stopped:
      "It is stopped: start it (POST /v1/deployments/{id}/start), wait until it is ready, then migrate. A stopped deployment is not migrated, so nothing is created at Together while nobody pays for it.",
    stopping: "It is stopping: start it again and wait until it is ready, then migrate.",
  };
  if (state !== "ready") {
    return refuse(
      "deployment.invalid_state",
      what[state] ??
        `It is ${state}: wait until it is ready (GET /v1/deployments/{id}?waitFor=ready), then migrate.`,
      { state },
    );
  }
  return undefined;
}

/**
 * Moves a ready Together v1 deployment to v2 (phase/migrate.ts does the work): it keeps serving
 * on v1 throughout, and the proxy switches once the v2 endpoint serves. Asking again while one
 * runs answers as the first did.
 */
export const migrate = fn(MigrateInput, async (input, id: string) => {
  return request(id, async (row) => {
    if (row.migration) return undefined;
    const refused = refusal(row);
    if (refused) throw refused;
    if (row.allowAdapters) {
      const adapters = await adaptersOf(row.id);
      if (adapters.length) {
        throw refuse(
          "deployment.has_adapters",
          `${adapters.length} adapter(s) are loaded onto this deployment: delete them, migrate, then load them again onto the migrated deployment.`,
          { adapters: adapters.map((a) => ({ id: a.id, name: a.name, state: a.state })) },
        );
      }
    }
    const now = new Date();
    return {
      reason: "migrate",
      set: {
        migration: {
          to: "v2",
          startedAt: now.toISOString(),
          drainSeconds: input.drainSeconds ?? Config.migrationDrainSeconds(),
          deadline: new Date(
            now.getTime() + (input.timeoutSeconds ?? Config.migrationTimeoutSeconds()) * 1000,
          ).toISOString(),
        },
        desired: { ...desiredOf(row), apiVersion: "v2" },
        checks: 0,
      },
      nextCheckSeconds: 0,
    };
  });
});
