import { createCipheriv, createHash } from "node:crypto";

const CHUNK = 256 * 1024;
const ZEROS = Buffer.alloc(CHUNK);

/**
 * Bytes of a generated file, deterministic in (seed, offset). The PRNG is an AES-128-CTR keystream
 * keyed by the seed: native speed (GB/s, a 1 GB file hashes in about a second here) and random
 * access, since the counter is the offset / 16, which is what `Range` needs. Each chunk is a fresh
 * buffer: a socket keeps a written buffer until it is flushed, so reusing one would need a copy.
 */
export function* keystream(seed: number, start: number, end: number): Generator<Buffer> {
  const key = createHash("sha256").update(`hf-sim:${seed}`).digest().subarray(0, 16);
  const iv = Buffer.alloc(16);
  iv.writeBigUInt64BE(BigInt(Math.floor(start / 16)), 8);
  const cipher = createCipheriv("aes-128-ctr", key, iv);
  if (start % 16) cipher.update(ZEROS.subarray(0, start % 16));
  for (let at = start; at < end; ) {
    const n = Math.min(CHUNK, end - at);
    yield cipher.update(ZEROS.subarray(0, n));
    at += n;
  }
}

/**
 * A valid safetensors header (one U8 tensor spanning the rest of the file), so a generated
 * `.safetensors` parses like a real one. The header length is padded to 8 bytes and depends on the
 * digits of the tensor's length, hence the fixed point.
 */
export function safetensorsHeader(size: number): Buffer | undefined {
  if (size < 128) return undefined;
  let padded = 0;
  let json = "";
  for (;;) {
    const n = size - 8 - padded;
    json = JSON.stringify({
      __metadata__: { format: "pt" },
      weight: { dtype: "U8", shape: [n], data_offsets: [0, n] },
    });
    const next = Math.ceil(json.length / 8) * 8;
    if (next === padded) break;
    padded = next;
  }
  const header = Buffer.alloc(8 + padded, " ");
  header.writeBigUInt64LE(BigInt(padded), 0);
  header.write(json, 8, "utf8");
  return header;
}

/** Bytes [start, end) of a generated file: its header (if any), then the keystream at the same offsets. */
export function* generated(
  seed: number,
  header: Buffer | undefined,
  start: number,
  end: number,
): Generator<Buffer> {
  const headerEnd = Math.min(header?.length ?? 0, end);
  if (header && start < headerEnd) yield header.subarray(start, headerEnd);
  if (end > Math.max(start, headerEnd)) yield* keystream(seed, Math.max(start, headerEnd), end);
}
