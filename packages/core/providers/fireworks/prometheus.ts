/**
 * A strict reader of Prometheus' text exposition format (version 0.0.4): samples with their
 * labels, and each family's declared type. Written here because the one parser on npm
 * (parse-prometheus-text-format) merges every label set of a histogram or summary into one,
 * which loses the per-deployment series Fireworks' account metrics are made of.
 */
export type PromSample = { name: string; labels: Record<string, string>; value: number };
export type PromType = "counter" | "gauge" | "histogram" | "summary" | "untyped";
export type Exposition = { samples: PromSample[]; types: Map<string, PromType> };

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const TYPES = new Set<string>(["counter", "gauge", "histogram", "summary", "untyped"]);

export class ExpositionError extends Error {}

export function parseExposition(text: string): Exposition {
  const samples: PromSample[] = [];
  const types = new Map<string, PromType>();
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    const fail = (why: string) => new ExpositionError(`line ${index + 1}: ${why}: ${line.slice(0, 120)}`);
    if (!line) return;
    if (line.startsWith("#")) {
      const [, keyword, name, type] = line.split(/\s+/);
      if (keyword === "TYPE") {
        if (!name || !type || !TYPES.has(type)) throw fail("a TYPE line needs a name and a known type");
        types.set(name, type as PromType);
      }
      return;
    }
    samples.push(sample(line, fail));
  });
  return { samples, types };
}

function sample(line: string, fail: (why: string) => Error): PromSample {
  const name = NAME.exec(line)?.[0];
  if (!name) throw fail("a sample starts with a metric name");
  let rest = line.slice(name.length);
  const labels: Record<string, string> = {};
  if (rest.startsWith("{")) {
    rest = rest.slice(1);
    for (;;) {
      rest = rest.trimStart();
      if (rest.startsWith("}")) break;
      const label = LABEL.exec(rest)?.[0];
      if (!label) throw fail("expected a label name");
      rest = rest.slice(label.length).trimStart();
      if (!rest.startsWith('="')) throw fail(`expected ="…" after ${label}`);
      const [value, after] = quoted(rest.slice(2), fail);
      labels[label] = value;
      rest = after.trimStart();
      if (rest.startsWith(",")) rest = rest.slice(1);
      else if (!rest.startsWith("}")) throw fail("expected , or } after a label");
    }
    rest = rest.slice(1);
  }
  const [valueText, timestamp, extra] = rest.trim().split(/\s+/);
  if (!valueText || extra !== undefined || (timestamp !== undefined && !/^-?\d+$/.test(timestamp)))
    throw fail("expected a value and at most a timestamp");
  const value = number(valueText);
  if (value === undefined) throw fail(`not a number: ${valueText}`);
  return { name, labels, value };
}

/** A label value up to its closing quote, with `\\`, `\"` and `\n` unescaped. */
function quoted(text: string, fail: (why: string) => Error): [string, string] {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') return [out, text.slice(i + 1)];
    if (ch === "\\") {
      const next = text[++i];
      if (next === "n") out += "\n";
      else if (next === "\\" || next === '"') out += next;
      else throw fail(`unknown escape \\${next ?? ""}`);
    } else out += ch;
  }
  throw fail("unterminated label value");
}

function number(text: string): number | undefined {
  if (text === "+Inf" || text === "Inf") return Number.POSITIVE_INFINITY;
  if (text === "-Inf") return Number.NEGATIVE_INFINITY;
  if (text === "NaN") return Number.NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}
