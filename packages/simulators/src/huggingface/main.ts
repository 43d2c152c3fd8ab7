import { log } from "@hangar/core/util/log";
import { startHubSimulator } from "./index";

/**
 * `npm run sim:huggingface`: the Hub simulator on HF_SIM_PORT (8792); point HF_ENDPOINT at it.
 * HANGAR_HF_SIM_SCALE (default 0.001) sizes the well-known repos' weights against their real ones.
 */
const port = Number(process.env.HF_SIM_PORT ?? 8792);
if (!Number.isInteger(port) || port < 0) throw new Error("HF_SIM_PORT must be a port number");
const sim = await startHubSimulator({
  port,
  host: process.env.HF_SIM_HOST ?? "127.0.0.1",
  token: process.env.HF_SIM_TOKEN || undefined,
});
log.info("hugging face hub simulator listening", { url: sim.url, hint: `HF_ENDPOINT=${sim.url}` });

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void sim.close().then(() => process.exit(0)));
}
