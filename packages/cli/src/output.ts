import Table from "cli-table3";
import pc from "picocolors";

/** Colour only for people: not with --json, not when piped, not with NO_COLOR. */
export function colours(json: boolean, stream: NodeJS.WriteStream = process.stdout) {
  const on = !json && stream.isTTY === true && !process.env.NO_COLOR;
  return pc.createColors(on);
}

export function printJson(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function table(head: string[], rows: (string | number)[][], json = false) {
  const c = colours(json);
  const t = new Table({
    head: head.map((h) => c.bold(h)),
    style: { head: [], border: [], "padding-left": 0, "padding-right": 0 },
    chars: plainChars,
  });
  for (const row of rows) t.push(row.map(String));
  return t.toString();
}

/** A borderless table, like kubectl's: easy to read and to grep. */
const plainChars = {
  top: "",
  "top-mid": "",
  "top-left": "",
  "top-right": "",
  bottom: "",
  "bottom-mid": "",
  "bottom-left": "",
  "bottom-right": "",
  left: "",
  "left-mid": "",
  mid: "",
  "mid-mid": "",
  right: "",
  "right-mid": "",
  middle: "  ",
};

export function stateColour(state: string, json = false) {
  const c = colours(json);
  if (state === "ready") return c.green(state);
  if (state === "failed") return c.red(state);
  if (state === "stopped" || state === "deleted") return c.dim(state);
  return c.yellow(state);
}

export function usd(value: number | null | undefined, digits = 2) {
  return value === null || value === undefined ? "-" : `$${value.toFixed(digits)}`;
}

export function duration(ms: number) {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h${String(m % 60).padStart(2, "0")}m`;
  return `${Math.floor(h / 24)}d${h % 24}h`;
}

export function bytes(n: number) {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}
