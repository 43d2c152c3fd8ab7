import { createHash } from "node:crypto";
import { generated, safetensorsHeader } from "./generate";

export type HubFileSpec = { size: number; seed?: number } | { content: string };

/** What the Hub's default .gitattributes sends to LFS, by extension. */
const LFS_EXTENSIONS = [
  "safetensors",
  "bin",
  "pt",
  "pth",
  "ckpt",
  "gguf",
  "onnx",
  "h5",
  "msgpack",
  "model",
  "npz",
  "pkl",
  "tflite",
  "zip",
  "tar",
  "gz",
];
const LFS = new RegExp(`\\.(${LFS_EXTENSIONS.join("|")})$`, "i");

/** One file of a simulated repo; generated files cost neither memory nor disk, whatever their size. */
export class HubFile {
  readonly size: number;
  readonly lfs: boolean;
  /** The git blob id, as the tree listing's `oid` and a small file's `ETag`. */
  readonly gitOid: string;
  private readonly content?: Buffer;
  private readonly seed: number;
  private readonly header?: Buffer;
  private digest?: Promise<string>;

  constructor(
    readonly path: string,
    spec: HubFileSpec,
    lfs?: boolean,
  ) {
    if ("content" in spec) {
      this.content = Buffer.from(spec.content);
      this.size = this.content.length;
      this.seed = 0;
    } else {
      this.size = spec.size;
      this.seed = spec.seed ?? seedOf(path);
      this.header = path.endsWith(".safetensors") ? safetensorsHeader(spec.size) : undefined;
    }
    this.lfs = lfs ?? (!this.content || LFS.test(path));
    this.gitOid = this.lfs ? "" : blobOid(this.content!);
  }

  /** Bytes [start, end), generated on demand. */
  *read(start = 0, end = this.size): Generator<Buffer> {
    if (this.content) yield this.content.subarray(start, end);
    else yield* generated(this.seed, this.header, start, end);
  }

  /** Computed once and cached: a 1 GB generated file takes about a second (AES-CTR + SHA-256). */
  sha256(): Promise<string> {
    this.digest ??= new Promise((resolve) => {
      const hash = createHash("sha256");
      const chunks = this.read();
      // Hash in slices between event-loop turns, so a big file doesn't stall the server meanwhile.
      const step = () => {
        for (let i = 0; i < 64; i++) {
          const next = chunks.next();
          if (next.done) return resolve(hash.digest("hex"));
          hash.update(next.value);
        }
        setImmediate(step);
      };
      step();
    });
    return this.digest;
  }

  /** An LFS file's git blob is its pointer; the listing reports that blob's id and size. */
  async pointer(): Promise<{ oid: string; size: number }> {
    const text = await this.pointerText();
    return { oid: blobOid(Buffer.from(text)), size: Buffer.byteLength(text) };
  }

  /** The pointer as a small file of its own: what `/raw/` serves for an LFS file. */
  async pointerFile(): Promise<HubFile> {
    return new HubFile(this.path, { content: await this.pointerText() }, false);
  }

  /** A small file's text, for the repo card's `config`. */
  text(): string | undefined {
    return this.content?.toString("utf8");
  }

  private async pointerText(): Promise<string> {
    return `version https://git-lfs.github.com/spec/v1\noid sha256:${await this.sha256()}\nsize ${this.size}\n`;
  }

  /** Identifies the content without hashing it, for the repo's commit id. */
  fingerprint(): string {
    return this.content ? blobOid(this.content) : `${this.size}:${this.seed}`;
  }
}

export function gitAttributes(): HubFile {
  return new HubFile(".gitattributes", {
    content: LFS_EXTENSIONS.map((ext) => `*.${ext} filter=lfs diff=lfs merge=lfs -text\n`).join(""),
  });
}

function blobOid(content: Buffer): string {
  return createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");
}

function seedOf(path: string): number {
  return createHash("sha256").update(path).digest().readUInt32BE(0);
}
