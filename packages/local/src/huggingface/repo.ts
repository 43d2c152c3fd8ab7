import { createHash } from "node:crypto";
import { gitAttributes, HubFile, type HubFileSpec } from "./files";

export type HubRepoSpec = {
  /** Needs the simulator's token; without it the Hub answers 401 RepoNotFound, as for a missing repo. */
  private?: boolean;
  /** Needs the token too, but says so: 401 GatedRepo. */
  gated?: boolean;
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

  hasRevision(revision: string): boolean {
    return revision === "main" || revision === this.commit;
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
