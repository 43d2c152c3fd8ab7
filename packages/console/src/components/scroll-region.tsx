import type { ReactNode } from "react";

/** A wide table's box, which scrolls sideways on a narrow screen, with the keyboard too. */
export function ScrollRegion(props: {
  "aria-label"?: string;
  "aria-labelledby"?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
    <section className="table-wrap" tabIndex={0} {...props} />
  );
}
