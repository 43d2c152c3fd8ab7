import { log } from "../../../src/util/log";
import { startFireworksSimulator } from "./index";

/** `npm run sim:fireworks`: the simulator on FIREWORKS_SIM_PORT (8791), tuned by env. */
function number(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
}

const sim = await startFireworksSimulator({
  port: number("FIREWORKS_SIM_PORT") ?? 8791,
  host: process.env.FIREWORKS_SIM_HOST ?? "127.0.0.1",
  timeScale: number("FIREWORKS_SIM_TIME_SCALE") ?? 1,
  apiKey: process.env.FIREWORKS_SIM_API_KEY ?? process.env.FIREWORKS_API_KEY,
  account: process.env.FIREWORKS_SIM_ACCOUNT ?? process.env.FIREWORKS_ACCOUNT_ID,
  statePath: process.env.FIREWORKS_SIM_STATE || undefined,
});
log.info("fireworks simulator listening", {
  url: sim.url,
  inference: sim.inferenceUrl,
  control: sim.controlUrl,
  account: sim.account,
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void sim.close().then(() => process.exit(0)));
}
