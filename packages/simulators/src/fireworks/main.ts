import { log } from "@hangar/core/util/log";
import { closeOnSignal, envOptions } from "../shared/main";
import { startFireworksSimulator } from "./index";

/** `npm run sim:fireworks`: the simulator on FIREWORKS_SIM_PORT (8791), tuned by env. */
const sim = await startFireworksSimulator({
  ...envOptions("FIREWORKS", 8791),
  account: process.env.FIREWORKS_SIM_ACCOUNT ?? process.env.FIREWORKS_ACCOUNT_ID,
  statePath: process.env.FIREWORKS_SIM_STATE || undefined,
});
log.info("fireworks simulator listening", {
  url: sim.url,
  inference: sim.inferenceUrl,
  control: sim.controlUrl,
  account: sim.account,
});
closeOnSignal(sim);
