/**
 * A webhook receiver for the README walk-through: it checks each delivery's Standard Webhooks
 * signature with the subscription's secret and prints one line per event.
 *
 *   WEBHOOK_SECRET=whsec_… PORT=9000 npx tsx examples/webhook-receiver.ts
 */
import { createServer } from "node:http";
import { Webhook } from "standardwebhooks";

type Event = { type: string; timestamp: string; sequence: number | null; data: Record<string, unknown> };

const secret = process.env.WEBHOOK_SECRET;
if (!secret) {
  console.error("Set WEBHOOK_SECRET to the whsec_… secret that POST /v1/webhooks answered with.");
  process.exit(1);
}
const webhook = new Webhook(secret);
const port = Number(process.env.PORT ?? 9000);

function describe(event: Event): string {
  const { id, name, state, stopReason, lastError } = event.data;
  const error = (lastError as { message?: string } | null | undefined)?.message;
  return [event.type, id, name, state, stopReason, error].filter((part) => part != null).join(" ");
}

const server = createServer((req, res) => {
  if (req.method !== "POST") return void res.writeHead(204).end();
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    try {
      const event = webhook.verify(body, req.headers as Record<string, string>) as Event;
      console.log(`webhook: ${describe(event)}`);
      res.writeHead(204).end();
    } catch (error) {
      // Hangar retries what isn't acknowledged; a bad signature is not Hangar's, or not this secret.
      console.error(`webhook refused: ${(error as Error).message}`);
      res.writeHead(401).end();
    }
  });
});
server.listen(port, "127.0.0.1", () => console.log(`webhook receiver on http://127.0.0.1:${port}/hooks`));
