import { fleet } from "./detection/fleet";
import {
  fixed,
  follow,
  History,
  hangar,
  hangarBlind,
  type Outcome,
  type Strategy,
  todays,
} from "./detection/run";
import { hardwareClasses, provisioning, random } from "./detection/world";
import { percentile, table } from "./stats";

/**
 * `npm run bench:detection`: how late a ready endpoint is noticed, and at how many provider
 * reads, for Hangar's cadence (the real code in packages/core/src/timing) against fixed polling
 * and today's backoff, on one seeded mix of provisioning times. Then the reads per deployment
 * for fleets of one account, with the per-account list batching.
 */
const WARM_UP = 10;
const RUNS = Number(process.env.BENCH_DETECTION_RUNS ?? 500);
const SEED = 20261201;

const rand = random(SEED);
const draws = hardwareClasses.map((c) => ({
  ...c,
  runs: Array.from({ length: WARM_UP + RUNS }, () => provisioning(rand, c.median)),
}));

type Row = { name: string; outcomes: Outcome[] };

/** Each class builds its history from its own first WARM_UP runs, then keeps learning; those are not counted. */
function measure(name: string, strategy: Strategy, options: { history: boolean }): Row {
  const outcomes: Outcome[] = [];
  for (const c of draws) {
    const history = new History();
    c.runs.forEach((p, i) => {
      const o = options.history ? follow(p, strategy, history.fit, history.tail) : follow(p, strategy);
      history.add(o);
      if (i >= WARM_UP) outcomes.push(o);
    });
  }
  return { name, outcomes };
}

const rows: Row[] = [
  measure("Hangar (history + progress)", hangar, { history: true }),
  measure("Hangar, history only (no progress)", hangarBlind, { history: true }),
  measure("Hangar, cold start (no history yet)", hangar, { history: false }),
  measure("today's backoff (5 s doubling to 60 s)", todays, { history: false }),
  measure("fixed 5 s", fixed(5), { history: false }),
  measure("fixed 10 s", fixed(10), { history: false }),
  measure("fixed 60 s", fixed(60), { history: false }),
];

const round = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
console.log(
  table(
    `Ready → noticed, ${RUNS} provisionings per class (${draws.map((c) => `${c.name} ~${c.median / 60} min`).join(", ")}), seed ${SEED}`,
    ["cadence", "n", "lag p50 s", "lag p95 s", "calls mean", "calls p95"],
    rows.map(({ name, outcomes }) => {
      const lags = outcomes.map((o) => o.lag);
      const calls = outcomes.map((o) => o.calls);
      return [
        name,
        outcomes.length,
        round(percentile(lags, 50)),
        round(percentile(lags, 95)),
        round(calls.reduce((a, b) => a + b, 0) / calls.length),
        percentile(calls, 95),
      ];
    }),
  ),
);

/** A fleet of one account: provisionings of all three classes, started within the first minute. */
const histories = draws.map((c) => {
  const h = new History();
  for (const p of c.runs.slice(0, WARM_UP)) h.add(follow(p, hangar, h.fit, h.tail));
  return h;
});
const fleetRows: (string | number)[][] = [];
for (const size of [1, 10, 50]) {
  const members = Array.from({ length: size }, (_, i) => {
    const c = i % draws.length;
    const history = histories[c] as History;
    return {
      id: `dep-${i}`,
      start: rand() * 60,
      p: draws[c]?.runs[WARM_UP + i] as (typeof draws)[number]["runs"][number],
      history: history.fit,
      tail: history.tail,
    };
  });
  const alone = await fleet(members, { tickSeconds: 0 });
  const batched = await fleet(members, { tickSeconds: 2 });
  const spread = await fleet(members, { tickSeconds: 2, containers: 4, rand });
  fleetRows.push([
    size,
    round(alone.perDeployment),
    round(batched.perDeployment),
    round(spread.perDeployment),
    round(percentile(batched.lags, 50)),
    round(percentile(batched.lags, 95)),
  ]);
}
console.log(
  table(
    "Provider calls per deployment, one account, Hangar's cadence (lag with the list, one container)",
    ["fleet", "reads alone", "list, 1 container", "list, 4 containers", "lag p50 s", "lag p95 s"],
    fleetRows,
  ),
);
