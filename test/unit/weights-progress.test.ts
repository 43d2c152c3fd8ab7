import { throttleProgress } from "@hangar/core/weights/index";
import { describe, expect, it } from "vitest";

describe("progress throttling", () => {
  it("reports once per step crossed and once at the end", () => {
    const seen: number[] = [];
    const progress = throttleProgress((bytes) => seen.push(bytes), 100);
    for (const bytes of [40, 80, 120, 150, 310, 330]) progress.update(bytes);
    progress.finish(330);
    expect(seen).toEqual([120, 310, 330]);
  });

  it("does not repeat a final count it just reported", () => {
    const seen: number[] = [];
    const progress = throttleProgress((bytes) => seen.push(bytes), 100);
    progress.update(200);
    progress.finish(200);
    expect(seen).toEqual([200]);
  });

  it("reports an empty file's zero at the end", () => {
    const seen: number[] = [];
    throttleProgress((bytes) => seen.push(bytes)).finish(0);
    expect(seen).toEqual([0]);
  });

  it("works without a listener", () => {
    const progress = throttleProgress(undefined, 10);
    progress.update(50);
    expect(() => progress.finish(50)).not.toThrow();
  });
});
