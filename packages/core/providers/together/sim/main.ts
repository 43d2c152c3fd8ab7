import { log } from "../../../src/util/log";
import { startTogetherSimulator } from "./index";

/** `npm run sim:together`: the simulator on TOGETHER_SIM_PORT (8790), tuned by env. */
function number(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
}

const stepMs = number("TOGETHER_SIM_STEP_MS");
const sim = await startTogetherSimulator({
  port: number("TOGETHER_SIM_PORT") ?? 8790,
  host: process.env.TOGETHER_SIM_HOST ?? "127.0.0.1",
  timeScale: number("TOGETHER_SIM_TIME_SCALE") ?? 1,
  apiKey: process.env.TOGETHER_SIM_API_KEY ?? process.env.TOGETHER_API_KEY,
  owner: process.env.TOGETHER_SIM_OWNER,
  defaultInactiveTimeout: number("TOGETHER_SIM_INACTIVE_TIMEOUT"),
  steps: {
    ...(stepMs === undefined
      ? {}
      : {
          jobQueuedMs: stepMs,
          jobRunningMs: stepMs,
          endpointPendingMs: stepMs,
          endpointStartingMs: stepMs,
          endpointStoppingMs: stepMs,
        }),
    ...(number("TOGETHER_SIM_MINUTE_MS") === undefined ? {} : { minuteMs: number("TOGETHER_SIM_MINUTE_MS") }),
  },
});
log.info("together simulator listening", { url: sim.url, control: sim.controlUrl });

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void sim.close().then(() => process.exit(0)));
}
