import { createHash } from "node:crypto";
import { gitAttributes, HubFile, type HubFileSpec } from "./files";

export type HubRepoSpec = {
  /** Needs the simulator's token; without it the Hub answers 401 RepoNotFound, as for a missing repo. */
  private?: boolean;
  /**
   * Its metadata and file list are public; its files need the token, and say so: 401 GatedRepo.
   * `auto` grants access on accepting the terms, `manual` after the author's review; true is `auto`.
   */
  gated?: boolean | "auto" | "manual";
  /** ISO time of the last commit, as `lastModified` reports it (default: the simulator's start). */
  lastModified?: string;
  files: Record<string, HubFileSpec>;
};

export type TreeEntry = {
  type: "file" | "directory";
  oid: string;
  size: number;
  path: string;
  lfs?: { oid: string; size: number; pointerSize: number };
};

export class HubRepo {
  readonly files = new Map<string, HubFile>();
  /** Stable for the same content, so `@<commit>` keeps working across restarts. */
  readonly commit: string;

  constructor(
    readonly id: string,
    readonly spec: HubRepoSpec,
  ) {
    const attributes = gitAttributes();
    this.files.set(attributes.path, attributes);
    for (const [path, file] of Object.entries(spec.files)) this.files.set(path, new HubFile(path, file));
    const hash = createHash("sha1").update(id);
    for (const file of this.files.values()) hash.update(`\0${file.path}\0${file.fingerprint()}`);
    this.commit = hash.digest("hex");
  }

  /** `HEAD` is what clients ask for when they name no revision; it is the default branch. */
  hasRevision(revision: string): boolean {
    return revision === "main" || revision === "HEAD" || revision === this.commit;
  }

  get gated(): false | "auto" | "manual" {
    const gated = this.spec.gated;
    return gated === true ? "auto" : (gated ?? false);
  }

  /** The card's `config`: the architecture fields of config.json (or the adapter's base), as the Hub shows them. */
  config(): Record<string, unknown> {
    const parse = (path: string) => {
      try {
        return JSON.parse(this.files.get(path)?.text() ?? "null") as Record<string, unknown> | null;
      } catch {
        return null;
      }
    };
    const model = parse("config.json");
    const adapter = parse("adapter_config.json");
    return {
      ...(model ? { architectures: model.architectures, model_type: model.model_type } : {}),
      ...(adapter
        ? { peft: { base_model_name_or_path: adapter.base_model_name_or_path, task_type: adapter.task_type } }
        : {}),
    };
  }

  async bySha256(sha256: string): Promise<HubFile | undefined> {
    for (const file of this.files.values()) if (file.lfs && (await file.sha256()) === sha256) return file;
    return undefined;
  }

  /** Entries under `folder` (all depths when recursive), directories included, sorted by path. */
  async tree(folder: string, recursive: boolean): Promise<TreeEntry[]> {
    const prefix = folder ? `${folder.replace(/\/+$/, "")}/` : "";
    const within = (path: string) =>
      path.startsWith(prefix) && (recursive || !path.slice(prefix.length).includes("/"));
    const directories = new Set<string>();
    for (const path of this.files.keys()) {
      const parts = path.split("/");
      for (let i = 1; i < parts.length; i++) directories.add(parts.slice(0, i).join("/"));
    }
    const entries: TreeEntry[] = [...directories].filter(within).map((path) => ({
      type: "directory",
      oid: createHash("sha1").update(`${this.commit}:${path}`).digest("hex"),
      size: 0,
      path,
    }));
    for (const file of this.files.values()) {
      if (!within(file.path)) continue;
      if (!file.lfs) {
        entries.push({ type: "file", oid: file.gitOid, size: file.size, path: file.path });
        continue;
      }
      const pointer = await file.pointer();
      entries.push({
        type: "file",
        oid: pointer.oid,
        size: file.size,
        path: file.path,
        lfs: { oid: await file.sha256(), size: file.size, pointerSize: pointer.size },
      });
    }
    return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}
