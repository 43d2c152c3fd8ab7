import { startFireworksSimulator } from "@hangar/simulators/fireworks/index";
import { startHubSimulator } from "@hangar/simulators/huggingface/index";
import { startFauxqs } from "fauxqs";
import { startSink } from "./sink";

/**
 * One server per child process, so what the benchmark samples is the mover's memory alone
 * (fauxqs keeps every S3 object in its own heap). Prints `{"url": …}` (and what else a client
 * needs) once listening and exits when its parent closes stdin.
 */
const role = process.argv[2];
const hubSize = Number(process.argv[3] ?? 0);

async function start(): Promise<{ url: string; close(): Promise<unknown>; [more: string]: unknown }> {
  if (role === "fauxqs") {
    const server = await startFauxqs({ port: 0, logger: false, defaultRegion: "us-east-1" });
    return { url: `http://127.0.0.1:${server.port}`, close: () => server.stop() };
  }
  if (role === "sink") return startSink();
  if (role === "fireworks") {
    const sim = await startFireworksSimulator({ port: 0 });
    return { url: sim.url, apiKey: sim.apiKey, account: sim.account, close: () => sim.close() };
  }
  if (role === "hub")
    return startHubSimulator({
      demo: false,
      known: false,
      repos: { "bench/model": { files: { "model.safetensors": { size: hubSize, seed: 42 } } } },
    });
  throw new Error(`unknown server ${role}`);
}

const server = await start();
const { close: _, ...info } = server;
process.stdout.write(`${JSON.stringify(info)}\n`);
process.stdin.resume();
process.stdin.on("end", () => void server.close().finally(() => process.exit(0)));
