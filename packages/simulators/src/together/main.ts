import { log } from "@hangar/core/util/log";
import { closeOnSignal, envNumber, envOptions } from "../shared/main";
import { startTogetherSimulator } from "./index";

/** `npm run sim:together`: the simulator (v1 and v2) on TOGETHER_SIM_PORT (8790), tuned by env. */
const stepMs = envNumber("TOGETHER_SIM_STEP_MS");
const sim = await startTogetherSimulator({
  ...envOptions("TOGETHER", 8790),
  owner: process.env.TOGETHER_SIM_OWNER,
  defaultInactiveTimeout: envNumber("TOGETHER_SIM_INACTIVE_TIMEOUT"),
  // Uploads of Hub repos are checked where Hangar reads them: the Hub simulator, or the real Hub.
  hubUrl: process.env.HF_ENDPOINT || "https://huggingface.co",
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
    ...(envNumber("TOGETHER_SIM_MINUTE_MS") === undefined
      ? {}
      : { minuteMs: envNumber("TOGETHER_SIM_MINUTE_MS") }),
  },
});
log.info("together simulator listening", {
  url: sim.url,
  v2: sim.url.replace(/\/v1$/, "/v2"),
  project: sim.state.v2.project.id,
  control: sim.controlUrl,
});
closeOnSignal(sim);
