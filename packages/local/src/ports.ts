import { createServer } from "node:net";

function listen(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(port, () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      server.close(() => resolve(bound));
    });
  });
}

/** A port the OS says is free right now. */
export function freePort(): Promise<number> {
  return listen(0);
}

/**
 * Fails fast when a port is taken: a second stack would otherwise talk to the first one's
 * DynamoDB or queues and look healthy.
 */
export async function assertPortFree(port: number, what: string, envVar: string): Promise<void> {
  try {
    await listen(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    throw new Error(
      `Port ${port} for ${what} is already in use (is another Hangar stack running?). Stop it, or set ${envVar} to another port.`,
    );
  }
}
