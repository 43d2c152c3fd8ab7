import { createHash } from "node:crypto";
import { HubFile } from "@hangar/simulators/huggingface/files";
import { safetensorsHeader } from "@hangar/simulators/huggingface/generate";
import { parseRange } from "@hangar/simulators/huggingface/http";
import { describe, expect, it } from "vitest";

const bytes = (file: HubFile, start?: number, end?: number) => Buffer.concat([...file.read(start, end)]);

describe("Hub simulator files", () => {
  it("generates the same bytes for the same seed, at any offset", () => {
    const file = new HubFile("model.bin", { size: 1_000_003, seed: 7 });
    const all = bytes(file);
    expect(all.length).toBe(1_000_003);
    expect(bytes(new HubFile("model.bin", { size: 1_000_003, seed: 7 })).equals(all)).toBe(true);
    for (const [start, end] of [
      [0, 1],
      [5, 21],
      [262_140, 262_200],
      [999_990, 1_000_003],
    ] as const)
      expect(bytes(file, start, end).equals(all.subarray(start, end)), `${start}-${end}`).toBe(true);
    expect(bytes(new HubFile("model.bin", { size: 1000, seed: 8 })).equals(all.subarray(0, 1000))).toBe(
      false,
    );
  });

  it("hashes a generated file to the sha256 of its bytes", async () => {
    const file = new HubFile("model.safetensors", { size: 3_000_000, seed: 1 });
    expect(await file.sha256()).toBe(createHash("sha256").update(bytes(file)).digest("hex"));
  });

  it("starts a generated .safetensors with a header that spans the rest of the file", () => {
    for (const size of [128, 4096, 1_000_000_007]) {
      const header = safetensorsHeader(size)!;
      const length = Number(header.readBigUInt64LE(0));
      expect(length % 8).toBe(0);
      expect(header.length).toBe(8 + length);
      const tensor = JSON.parse(header.subarray(8).toString()).weight;
      expect(tensor.data_offsets).toEqual([0, size - 8 - length]);
    }
  });

  it("sends small text files and weights by extension to LFS, as the Hub's .gitattributes does", () => {
    expect(new HubFile("config.json", { content: "{}" }).lfs).toBe(false);
    expect(new HubFile("config.json", { content: "{}" }).gitOid).toBe(
      "9e26dfeeb6e641a33dae4961196235bdb965b21b",
    );
    expect(new HubFile("model.safetensors", { content: "x" }).lfs).toBe(true);
    expect(new HubFile("blob", { size: 10 }).lfs).toBe(true);
  });
});

describe("Range", () => {
  it("reads the forms clients send", () => {
    expect(parseRange("bytes=0-99", 1000)).toEqual([0, 100]);
    expect(parseRange("bytes=900-", 1000)).toEqual([900, 1000]);
    expect(parseRange("bytes=-100", 1000)).toEqual([900, 1000]);
    expect(parseRange("bytes=990-2000", 1000)).toEqual([990, 1000]);
  });

  it("serves the whole file for no or multiple ranges, and refuses ranges past the end", () => {
    expect(parseRange(undefined, 1000)).toBeUndefined();
    expect(parseRange("bytes=0-1,5-6", 1000)).toBeUndefined();
    expect(parseRange("bytes=1000-", 1000)).toBeNull();
  });
});
