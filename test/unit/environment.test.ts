import { describe, expect, it } from "vitest";

describe("the unit test environment", () => {
  it("has none of the local stack's settings, even when the integration stack runs in the same npm test", () => {
    // What test/setup/global.ts's stack puts in process.env, and the families it belongs to.
    const stackVariables = [
      "HANGAR_TABLE",
      "HANGAR_DYNAMODB_ENDPOINT",
      "HANGAR_JOBS_QUEUE_URL",
      "HANGAR_WEBHOOK_ALLOW_PRIVATE",
      "HANGAR_LOG_LEVEL",
      "AWS_REGION",
      "AWS_ACCESS_KEY_ID",
      "TOGETHER_BASE_URL",
      "TOGETHER_API_KEY",
      "FIREWORKS_BASE_URL",
      "HF_ENDPOINT",
    ];
    // Powertools' commons module writes its user-agent marker into the env when it is first
    // imported, in whichever process imports it: not a setting of the stack's.
    const libraryMarkers = ["AWS_SDK_UA_APP_ID"];
    const leaked = Object.keys(process.env).filter(
      (name) =>
        !libraryMarkers.includes(name) &&
        (stackVariables.includes(name) || /^(HANGAR|AWS|TOGETHER|FIREWORKS|HF)_/.test(name)),
    );
    expect(leaked).toEqual([]);
  });
});
