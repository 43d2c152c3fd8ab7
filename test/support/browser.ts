import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/**
 * Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing): Playwright's
 * own browser download is not available here, so playwright-core drives the system browser.
 */
export const CHROMIUM = process.env.HANGAR_CHROMIUM ?? "/usr/bin/chromium";

export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The console's browser tests need Chromium at ${CHROMIUM}, and it is missing. Install it with ` +
        "`sudo apt-get install -y chromium` (or set HANGAR_CHROMIUM to another Chromium).",
    );
  }
}

export function launchChromium(): Promise<Browser> {
  assertChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
