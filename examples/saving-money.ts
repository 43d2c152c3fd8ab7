/**
 * The README's "saving money" example, computed rather than written by hand: an H100 endpoint
 * on a weekday schedule (08:00–19:00 Europe/Paris) with a 60-minute idle timeout and a 90-minute
 * grace after each start (so the early start isn't stopped before people arrive). It prints
 * Hangar's estimate, then runs one simulated week through Hangar's own policy engine (the code
 * the policy sweeper runs) and its cost accrual (the code behind GET /v1/deployments/{id}/cost).
 *
 * Traffic in the simulated week: requests every 5 minutes 09:00–12:00 and 13:30–18:30 on
 * weekdays; a client that meets a stopped endpoint starts it (POST /start), as the README
 * suggests. Starting takes 5 minutes, stopping 1.
 */

import { TZDate } from "@date-fns/tz";
import { withActor } from "@hangar/core/actor";
import { accrue, type Change, type Price, pieces } from "@hangar/core/cost/accrual";
import { estimate } from "@hangar/core/cost/estimate";
import { applies, dueAction } from "@hangar/core/deployment/policy";
import type { Row } from "@hangar/core/deployment/row";
import { Schedule } from "@hangar/core/deployment/schedule";
import type { State } from "@hangar/core/deployment/states";
import * as Hardware from "@hangar/core/hardware/index";
import { startTogetherSimulator } from "@hangar/simulators/together/index";

const zone = "Europe/Paris";
const hardware = "1x_nvidia_h100_80gb_sxm";
const schedule = Schedule.parse({
  timezone: zone,
  windows: [{ days: ["mon", "tue", "wed", "thu", "fri"], start: "08:00", end: "19:00" }],
});
const MINUTE = 60_000;

const sim = await startTogetherSimulator({ port: 0 });
process.env.TOGETHER_API_KEY = sim.apiKey;
process.env.TOGETHER_BASE_URL = sim.url;
try {
  const system = { type: "system" } as const;
  const est = await withActor(system, () =>
    estimate({
      provider: "together",
      hardware,
      replicas: 1,
      schedule,
      idle: { idleTimeoutMinutes: 60, activeHoursPerDay: 8.5 },
    }),
  );
  const h100 = (await withActor(system, () => Hardware.list({ provider: "together" }))).data.find(
    (h) => h.id === hardware,
  );
  if (!h100) throw new Error(`${hardware} is not in the simulator's hardware list`);
  const price: Price = {
    hardware,
    pricePerHour: h100.pricePerHour,
    priceSource: h100.priceSource,
    priceAsOf: h100.priceAsOf ?? null,
  };
  const week = simulateWeek(price);

  const cents = (usd = 0) => Math.round(usd * 100) / 100;
  console.log(`Estimate (POST /v1/estimates): ${hardware}, $${price.pricePerHour.toFixed(2)} per hour`);
  console.table({
    "always on": {
      "USD per month": cents(est.alwaysOn.monthlyUsd),
      "USD per day": cents(est.alwaysOn.dailyUsd),
    },
    "schedule + idle": {
      "USD per month": cents(est.withPolicy?.monthlyUsd),
      "USD per day": cents(est.withPolicy?.dailyUsd),
    },
  });
  console.log(`Estimated savings: $${cents(est.savings?.monthlyUsd)} per month (${est.savings?.percent}%)\n`);
  console.log(`One simulated week (${week.from} → ${week.to}), accrued like GET /v1/deployments/{id}/cost`);
  console.table(week.table);
  console.log(
    `Stops: ${week.stops.idle} idle, ${week.stops.schedule} schedule; starts: ${week.starts.schedule} schedule, ${week.starts.client} by the client`,
  );
} finally {
  await sim.close();
}

function simulateWeek(price: Price) {
  const start = new TZDate(2026, 10, 9, zone).getTime(); // a Monday
  const end = new TZDate(2026, 10, 16, zone).getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const row = {
    state: "ready" as State,
    createdAt: iso(start - MINUTE),
    stateChangedAt: iso(start - MINUTE),
    lastActivityAt: undefined as string | undefined,
    idleTimeoutMinutes: 60,
    idleGraceMinutes: 90,
    schedule,
    scheduleCursor: iso(start - MINUTE),
    stopReason: undefined as string | undefined,
  } satisfies Partial<Row>;
  const history: Change[] = [];
  const stops = { idle: 0, schedule: 0 };
  const starts = { schedule: 0, client: 0 };
  const record = (t: number, to: State, reason?: string) => {
    Object.assign(row, { state: to, stateChangedAt: iso(t) });
    history.push({
      at: iso(t),
      sequence: history.length + 1,
      to,
      reason,
      provider: "together",
      hardware,
      minReplicas: 1,
      price,
    });
  };
  record(start - MINUTE, "ready", "created");
  let settleAt: { at: number; to: State; reason?: string } | undefined;

  for (let t = start; t < end; t += MINUTE) {
    if (settleAt && t >= settleAt.at) {
      record(settleAt.at, settleAt.to, settleAt.reason);
      settleAt = undefined;
    }
    const local = new TZDate(t, zone);
    const hour = local.getHours() + local.getMinutes() / 60;
    const busy =
      local.getDay() >= 1 &&
      local.getDay() <= 5 &&
      local.getMinutes() % 5 === 0 &&
      ((hour >= 9 && hour < 12) || (hour >= 13.5 && hour < 18.5));
    if (busy && row.state === "ready") row.lastActivityAt = iso(t);
    if (busy && row.state === "stopped") {
      record(t, "starting", "manual");
      row.stopReason = undefined;
      starts.client++;
      settleAt = { at: t + 5 * MINUTE, to: "ready" };
      continue;
    }
    const action = dueAction(row, new Date(t));
    if (!action) continue;
    if (action.kind !== "warn" && action.edge) row.scheduleCursor = action.edge;
    if (!applies(row, action) || action.kind === "warn" || action.kind === "delete") continue;
    if (action.kind === "stop") {
      record(t, "stopping", action.reason);
      row.stopReason = action.reason;
      action.reason.startsWith("idle") ? stops.idle++ : stops.schedule++;
      settleAt = { at: t + MINUTE, to: "stopped", reason: action.reason };
    } else {
      record(t, "starting", action.reason);
      starts.schedule++;
      settleAt = { at: t + 5 * MINUTE, to: "ready" };
    }
  }
  const totals = accrue(pieces(history, start, end), () => price);
  const usd = (micros: number) => Math.round(micros / 10_000) / 100;
  return {
    from: "2026-11-09",
    to: "2026-11-16",
    stops,
    starts,
    table: {
      "billed hours": { value: Math.round((totals.billableMs / 3_600_000) * 10) / 10 },
      "cost (USD)": { value: usd(totals.costMicros) },
      "always on (USD)": { value: usd(totals.costMicros + totals.savingsMicros) },
      "saved by schedule (USD)": { value: usd(totals.savingsByKind.schedule) },
      "saved by idle stops (USD)": { value: usd(totals.savingsByKind.idle) },
    },
  };
}
