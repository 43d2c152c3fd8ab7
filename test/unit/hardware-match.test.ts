import { closeMatches } from "@hangar/core/hardware/match";
import { describe, expect, it } from "vitest";

const together = [
  "1x_nvidia_l40s",
  "1x_nvidia_a100_80gb_pcie",
  "1x_nvidia_a100_80gb_sxm",
  "1x_nvidia_h100_80gb_sxm",
  "2x_nvidia_h100_80gb_sxm",
  "4x_nvidia_h100_80gb_sxm",
  "8x_nvidia_h200_140gb_sxm",
];
const fireworks = [
  "1x_nvidia_a100_80gb",
  "1x_nvidia_h100_80gb",
  "2x_nvidia_h100_80gb",
  "1x_nvidia_h200_141gb",
];

describe("closeMatches", () => {
  it("puts the id sharing the most tokens first: 1x_h100 suggests 1x_nvidia_h100_80gb_sxm", () => {
    expect(closeMatches("1x_h100", together)[0]).toBe("1x_nvidia_h100_80gb_sxm");
  });

  it("maps a Together id to its Fireworks equivalent and back", () => {
    expect(closeMatches("1x_nvidia_h100_80gb_sxm", fireworks)[0]).toBe("1x_nvidia_h100_80gb");
    expect(closeMatches("2x_nvidia_h100_80gb", together)[0]).toBe("2x_nvidia_h100_80gb_sxm");
  });

  it("breaks ties between ids sharing as many tokens by fewest edits", () => {
    expect(closeMatches("h100", together)).toEqual([
      "1x_nvidia_h100_80gb_sxm",
      "2x_nvidia_h100_80gb_sxm",
      "4x_nvidia_h100_80gb_sxm",
    ]);
  });

  it("ignores case and separators", () => {
    expect(closeMatches("1X-NVIDIA-L40S", together)[0]).toBe("1x_nvidia_l40s");
  });

  it("catches a plain typo that shares no token", () => {
    expect(closeMatches("1x_nvidia_l40", ["1x_nvidia_l40s", "8x_nvidia_h200_140gb_sxm"], 1)).toEqual([
      "1x_nvidia_l40s",
    ]);
    expect(closeMatches("nvdia", ["nvidia"])).toEqual(["nvidia"]);
  });

  it("suggests nothing for an id unlike any, and at most the limit asked for", () => {
    expect(closeMatches("tpu_v5e", fireworks)).toEqual([]);
    expect(closeMatches("1x", together, 2)).toHaveLength(2);
  });
});
