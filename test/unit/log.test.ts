import { log } from "@hangar/core/util/log";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

/** What the logger wrote to stdout and stderr while `fn` ran, one parsed JSON line each. */
function captured(fn: () => void): Record<string, unknown>[] {
  const lines: string[] = [];
  const take = (chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  };
  const out = vi.spyOn(process.stdout, "write").mockImplementation(take);
  const err = vi.spyOn(process.stderr, "write").mockImplementation(take);
  try {
    fn();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return lines
    .join("")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

describe("the log", () => {
  beforeAll(() => {
    // Read when the logger is first used, as the local stack sets it after importing core.
    process.env.HANGAR_LOG_LEVEL = "warn";
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("writes JSON lines at HANGAR_LOG_LEVEL and above only", () => {
    const lines = captured(() => {
      log.info("not at warn");
      log.warn("at warn", { deploymentId: "dep_1" });
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "WARN",
      message: "at warn",
      service: "hangar",
      deploymentId: "dep_1",
    });
  });

  it("redacts secret-looking keys at any depth and keeps the rest", () => {
    const [line] = captured(() =>
      log.warn("calling out", {
        apiKey: "hk_live",
        request: { headers: { authorization: "Bearer x", accept: "json" }, signingSecret: "whsec_x" },
        attempt: 2,
      }),
    );
    expect(line).toMatchObject({
      apiKey: "[redacted]",
      request: { headers: { authorization: "[redacted]", accept: "json" }, signingSecret: "[redacted]" },
      attempt: 2,
    });
    expect(JSON.stringify(line)).not.toContain("hk_live");
  });

  it("puts the record's keys on every line logged while it is handled, and on no other", async () => {
    const lines = captured(() => {
      log.withKeys({ deploymentId: "dep_a" }, () => {
        log.appendKeys({ tenantId: "ten_a" });
        log.warn("inside");
      });
      log.warn("outside");
    });
    expect(lines[0]).toMatchObject({ message: "inside", deploymentId: "dep_a", tenantId: "ten_a" });
    expect(lines[1]).not.toHaveProperty("deploymentId");
  });

  it("keeps a field named like one of the logger's own keys", () => {
    const [line] = captured(() => log.error("state changed", { message: "provider said no", level: 3 }));
    expect(line).toMatchObject({
      message: "state changed",
      level: "ERROR",
      _message: "provider said no",
      _level: 3,
    });
  });
});
