import { nextLink } from "@hangar/core/weights/index";
import { describe, expect, it } from "vitest";

describe("Link header", () => {
  it("finds the next page the Hub links to", () => {
    const url = "https://huggingface.co/api/models/a/b/tree/main?recursive=true&cursor=ZXlKbWFX";
    expect(nextLink(`<${url}>; rel="next"`)).toBe(url);
  });

  it("picks next among several relations, in any case and quoting", () => {
    expect(nextLink('<https://h/p1>; rel="prev", <https://h/p3>; rel=NEXT')).toBe("https://h/p3");
    expect(nextLink('<https://h/p3>; title="x"; rel="last next"')).toBe("https://h/p3");
    expect(nextLink(['<https://h/p1>; rel="prev"', '<https://h/p3>; rel="next"'])).toBe("https://h/p3");
  });

  it("answers undefined on the last page", () => {
    expect(nextLink(undefined)).toBeUndefined();
    expect(nextLink("")).toBeUndefined();
    expect(nextLink('<https://h/p1>; rel="prev"')).toBeUndefined();
  });
});
