import { spawnSync } from "node:child_process";

const INSTALL = [
  "DynamoDB Local needs Java 17 or newer. Install it, then run again:",
  "  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless",
  "  macOS:         brew install openjdk@17",
  "  Other:         https://adoptium.net/temurin/releases/?version=17",
].join("\n");

/** Throws a message that says how to install Java when it is missing or too old. */
export function assertJava(): void {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === "ENOENT";
    throw new Error(
      missing ? `java was not found on PATH.\n${INSTALL}` : `java -version failed: ${result.error.message}`,
    );
  }
  // `java -version` prints to stderr, e.g. `openjdk version "17.0.15"` or `java version "1.8.0_402"`.
  const version = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!version) return;
  const major = version[1] === "1" ? Number(version[2]) : Number(version[1]);
  if (major < 17) throw new Error(`Found Java ${major}.\n${INSTALL}`);
}
