import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startStack } from "@hangar/local/stack";
import { Webhook as Signer } from "standardwebhooks";
import { Agent, request } from "undici";
import { ms, percentile, table } from "./stats";

/**
 * Webhook delivery throughput on the local stack: notices emitted through core (outbox row,
 * queue, fan-out, signed delivery) until the receiver has them all, against the same number of
 * signed POSTs sent straight from a loop. Loopback only; bounded by count and time.
 */
const COUNT = 400;
const CONCURRENCY = 16;
const MAX_MS = 120_000;

type Sample = { sentAt: number; receivedAt: number };

async function startReceiver() {
  const arrived = new Map<string, number>();
  let wake = () => {};
  const server = createServer((req, res) => {
    req.resume().on("end", () => {
      arrived.set(String(req.headers["webhook-id"]), Date.now());
      res.writeHead(204).end();
      wake();
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    arrived,
    async waitFor(count: number, deadline: number) {
      while (arrived.size < count && Date.now() < deadline)
        await new Promise<void>((done) => {
          wake = done;
          setTimeout(done, 250);
        });
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

async function pool(count: number, concurrency: number, work: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

function row(label: string, sent: Map<string, number>, arrived: Map<string, number>, started: number) {
  const samples: Sample[] = [...sent].flatMap(([id, sentAt]) => {
    const receivedAt = arrived.get(id);
    return receivedAt === undefined ? [] : [{ sentAt, receivedAt }];
  });
  const last = Math.max(...samples.map((s) => s.receivedAt));
  const seconds = (last - started) / 1000;
  const latency = samples.map((s) => s.receivedAt - s.sentAt);
  return [
    label,
    `${samples.length}/${sent.size}`,
    seconds.toFixed(2),
    (samples.length / seconds).toFixed(0),
    ms(percentile(latency, 50)),
    ms(percentile(latency, 95)),
  ];
}

async function main() {
  const stack = await startStack({
    inMemory: true,
    port: 0,
    together: "simulator",
    env: {
      HANGAR_TABLE: `hangar-bench-${randomBytes(4).toString("hex")}`,
      HANGAR_DYNAMODB_PORT: "0",
      HANGAR_SQS_PORT: "0",
      HANGAR_SIMULATOR_PORT: "0",
      HANGAR_LOG_LEVEL: "warn",
    },
  });
  const receiver = await startReceiver();
  try {
    const Webhook = await import("@hangar/core/webhook/index");
    const res = await fetch(`${stack.apiUrl}/v1/webhooks`, {
      method: "POST",
      headers: { authorization: `Bearer ${stack.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ url: receiver.url, events: ["budget.warning"] }),
    });
    const { secret } = (await res.json()) as { secret: string };

    const hangarSent = new Map<string, number>();
    const hangarStart = Date.now();
    await pool(COUNT, CONCURRENCY, async (i) => {
      const sentAt = Date.now();
      const { id } = await Webhook.emit({
        tenantId: stack.tenantId,
        type: "budget.warning",
        data: { deploymentId: null, limitUsd: 100, spentUsd: i, periodStart: new Date().toISOString() },
      });
      hangarSent.set(id, sentAt);
    });
    await receiver.waitFor(COUNT, hangarStart + MAX_MS);
    const hangar = row("Hangar: emit -> receiver", hangarSent, receiver.arrived, hangarStart);

    const signer = new Signer(secret);
    const agent = new Agent({ connections: CONCURRENCY });
    const directSent = new Map<string, number>();
    const directStart = Date.now();
    await pool(COUNT, CONCURRENCY, async (i) => {
      const id = `evt_direct_${i}`;
      const body = JSON.stringify({
        type: "budget.warning",
        timestamp: new Date().toISOString(),
        sequence: null,
        data: { i },
      });
      const at = new Date();
      directSent.set(id, Date.now());
      const response = await request(receiver.url, {
        method: "POST",
        dispatcher: agent,
        body,
        headers: {
          "content-type": "application/json",
          "webhook-id": id,
          "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
          "webhook-signature": signer.sign(id, at, body),
        },
      });
      await response.body.dump();
    });
    await agent.close();
    const direct = row("baseline: signed POSTs from a loop", directSent, receiver.arrived, directStart);

    console.log(
      table(
        `Webhook delivery throughput (${COUNT} events, ${CONCURRENCY} emitters, local consumer concurrency ${process.env.HANGAR_LOCAL_CONCURRENCY ?? 2} x batch 10)`,
        ["path", "delivered", "seconds", "per second", "p50 latency", "p95 latency"],
        [hangar, direct],
      ),
    );
  } finally {
    await receiver.close();
    await stack.stop();
  }
}

await main();
