import { S3Client } from "@aws-sdk/client-s3";
import type { ModelSpec } from "@hangar/core/provider/index";
import { listFiles, sendFile, type WeightsFile } from "@hangar/core/weights/index";
import { type Child, startChild } from "./upload/child";
import { fireworksTargets } from "./upload/fireworks";
import { MiB, measure, mib } from "./upload/measure";
import { plainHub, plainS3 } from "./upload/plain";
import { seedObject } from "./upload/seed";

/**
 * `npm run bench:upload`: streams a generated file from fauxqs S3 (1.5 GiB) to the Fireworks
 * simulator's signed URLs (its GCS stand-in) and to a bare signed-URL sink, and from the Hub
 * simulator (384 MiB) to the sink, with sendFile, against a plain copy of the same bytes over the
 * same loopback, three times each, alternating. Servers run in child processes so the RSS sampled
 * here is the mover's. BENCH_UPLOAD_S3_MIB / BENCH_UPLOAD_HF_MIB change the sizes.
 */
const S3_SIZE = Number(process.env.BENCH_UPLOAD_S3_MIB ?? 1536) * MiB;
const HF_SIZE = Number(process.env.BENCH_UPLOAD_HF_MIB ?? 384) * MiB;
// Two vCPUs shared by four processes: single runs swing by ±40%, so compare medians of three.
const ROUNDS = 3;
const LIMIT_MS = 10 * 60_000;

type Row = {
  source: string;
  target: string;
  method: string;
  round: number;
  size: number;
  seconds: number;
  startRss: number;
  peakRss: number;
};

const deadline = setTimeout(() => {
  console.error(`bench:upload took over ${LIMIT_MS / 60_000} minutes; giving up`);
  process.exit(1);
}, LIMIT_MS);
deadline.unref();

const children: Child[] = [];
const rows: Row[] = [];
try {
  const [fauxqs, sink, hub, fireworks] = await Promise.all([
    startChild("fauxqs"),
    startChild("sink"),
    startChild("hub", String(HF_SIZE)),
    startChild("fireworks"),
  ]);
  children.push(fauxqs!, sink!, hub!, fireworks!);
  const simulator = fireworksTargets(fireworks!);
  process.env.HANGAR_S3_ENDPOINT = fauxqs!.url;
  process.env.HF_ENDPOINT = hub!.url;
  process.env.AWS_REGION = "us-east-1";
  const s3 = new S3Client({
    region: "us-east-1",
    endpoint: fauxqs!.url,
    forcePathStyle: true,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });

  const bucket = "bench-weights";
  const key = "model/model.safetensors";
  console.log(`putting a generated ${mib(S3_SIZE)} MiB object into fauxqs S3 …`);
  const seeded = await measure(() => seedObject(s3, bucket, key, S3_SIZE));
  console.log(`  done in ${seeded.seconds.toFixed(1)} s`);

  const s3Model: ModelSpec = { source: `s3://${bucket}/model`, type: "model" };
  const s3File: WeightsFile = { path: "model.safetensors", size: S3_SIZE, sha256: seeded.result };
  const hubModel: ModelSpec = { source: "hf://bench/model", type: "model" };
  const [hubFile] = await listFiles(hubModel);
  const target = (file: WeightsFile, name: string) => ({
    path: file.path,
    size: file.size,
    url: `${sink!.url}/upload/${file.size}/${name}?X-Goog-Signature=bench`,
    method: "PUT" as const,
    headers: {
      "Content-Type": "application/octet-stream",
      "x-goog-content-length-range": `${file.size},${file.size}`,
    },
  });
  const row = async (
    source: string,
    to: string,
    method: string,
    round: number,
    size: number,
    run: () => Promise<unknown>,
  ) => {
    const { seconds, startRss, peakRss } = await measure(run);
    rows.push({ source, target: to, method, round, size, seconds, startRss, peakRss });
  };
  const FIREWORKS = "Fireworks sim";

  for (let round = 1; round <= ROUNDS; round++) {
    // Signed before the clock starts, as a deployment's upload step does before it streams.
    const plain = await simulator.target(s3Model, s3File);
    await row("S3", FIREWORKS, "plain copy", round, S3_SIZE, () =>
      plainS3(s3, bucket, key, plain.transfer.url, S3_SIZE),
    );
    await simulator.landed(plain.jobId);
    const mover = await simulator.target(s3Model, s3File);
    await row("S3", FIREWORKS, "sendFile", round, S3_SIZE, () => sendFile(s3Model, s3File, mover.transfer));
    await simulator.landed(mover.jobId);
    const url = target(s3File, "s3").url;
    await row("S3", "sink", "plain copy", round, S3_SIZE, () => plainS3(s3, bucket, key, url, S3_SIZE));
    await row("S3", "sink", "sendFile", round, S3_SIZE, () =>
      sendFile(s3Model, s3File, target(s3File, "s3")),
    );
    const resolve = `${hub!.url}/bench/model/resolve/main/model.safetensors`;
    await row("Hub", "sink", "plain copy", round, HF_SIZE, () =>
      plainHub(resolve, target(hubFile!, "hf").url, HF_SIZE),
    );
    await row("Hub", "sink", "sendFile", round, HF_SIZE, () =>
      sendFile(hubModel, hubFile!, target(hubFile!, "hf")),
    );
  }
  s3.destroy();
  print(rows);
  console.log(`every Fireworks upload was checked with validateUpload: all ${ROUNDS * 2} landed whole`);
} finally {
  await Promise.all(children.map((child) => child.stop()));
}

function print(all: Row[]) {
  const header = [
    "source",
    "target",
    "method",
    "round",
    "MiB",
    "seconds",
    "MiB/s",
    "RSS before MiB",
    "peak RSS MiB",
    "growth MiB",
  ];
  const table = all.map((r) => [
    r.source,
    r.target,
    r.method,
    String(r.round),
    mib(r.size),
    r.seconds.toFixed(2),
    (r.size / MiB / r.seconds).toFixed(0),
    mib(r.startRss),
    mib(r.peakRss),
    mib(r.peakRss - r.startRss),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const cells of table) console.log(line(cells));
  console.log("");
  const pairs = [...new Set(all.map((r) => `${r.source} -> ${r.target}`))];
  for (const pair of pairs) {
    const median = (method: string) => {
      const rates = all
        .filter((r) => `${r.source} -> ${r.target}` === pair && r.method === method)
        .map((r) => r.size / MiB / r.seconds);
      return rates.sort((a, b) => a - b)[Math.floor(rates.length / 2)]!;
    };
    const plain = median("plain copy");
    const mover = median("sendFile");
    console.log(
      `${pair}: sendFile median ${mover.toFixed(0)} MiB/s vs plain copy median ${plain.toFixed(0)} MiB/s (${((mover / plain) * 100).toFixed(0)}%)`,
    );
  }
  console.log(
    `peak RSS of this process over the whole run: ${mib(Math.max(...all.map((r) => r.peakRss)))} MiB`,
  );
}
