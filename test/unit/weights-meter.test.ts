import { createHash } from "node:crypto";
import { Meter } from "@hangar/core/weights/meter";
import { describe, expect, it } from "vitest";

const chunks = [Buffer.from("hello "), Buffer.from("weights "), Buffer.from("world")];
const whole = Buffer.concat(chunks);
const sha256 = createHash("sha256").update(whole).digest("hex");

async function* source(parts: Buffer[]) {
  yield* parts;
}

/** What the upload would have been handed, and the error that stopped it. */
async function drain(meter: Meter, parts: Buffer[] | AsyncIterable<Buffer>) {
  const passed: Buffer[] = [];
  try {
    for await (const chunk of meter.pipe(Array.isArray(parts) ? source(parts) : parts)) passed.push(chunk);
    return { passed: Buffer.concat(passed), error: undefined };
  } catch (error) {
    return { passed: Buffer.concat(passed), error };
  }
}

describe("meter", () => {
  it("passes every byte through and reports their count and sha256", async () => {
    const meter = new Meter({ path: "m", size: whole.length, sha256 });
    const { passed, error } = await drain(meter, chunks);
    expect(error).toBeUndefined();
    expect(passed.equals(whole)).toBe(true);
    expect(meter).toMatchObject({ bytes: whole.length, sha256 });
  });

  it("holds back the last chunk when the sha256 differs, so a corrupt file never lands whole", async () => {
    const meter = new Meter({ path: "m", size: whole.length, sha256: "0".repeat(64) });
    const { passed, error } = await drain(meter, chunks);
    expect(error).toMatchObject({ code: "weights.checksum_mismatch", retryable: false });
    expect(meter.failure).toBe(error);
    expect(passed.length).toBe(whole.length - chunks[2]!.length);
  });

  it("stops before passing a byte beyond the listed size", async () => {
    const meter = new Meter({ path: "m", size: whole.length - 1 });
    const { passed, error } = await drain(meter, chunks);
    expect(error).toMatchObject({ code: "weights.size_mismatch", retryable: false });
    expect(passed.length).toBeLessThan(whole.length - 1);
  });

  it("fails a source that ends short", async () => {
    const meter = new Meter({ path: "m", size: whole.length + 1 });
    const { error } = await drain(meter, chunks);
    expect(error).toMatchObject({ code: "weights.size_mismatch", retryable: false });
  });

  it("turns a source that breaks mid-file into a retryable error", async () => {
    const meter = new Meter({ path: "m", size: 100 });
    async function* broken() {
      yield Buffer.alloc(10);
      throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    }
    const { passed, error } = await drain(meter, broken());
    expect(passed.length).toBe(10);
    expect(error).toMatchObject({ code: "weights.unavailable", retryable: true });
    expect((error as Error).message).toContain("ECONNRESET");
  });
});
