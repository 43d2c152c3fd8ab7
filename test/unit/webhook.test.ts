import { VisibleError } from "@hangar/core/error";
import { checkUrl } from "@hangar/core/webhook/index";
import { afterEach, describe, expect, it } from "vitest";

describe("webhook URL guard", () => {
  // Some tests below allow private addresses; none of the others must see that.
  afterEach(() => {
    delete process.env.HANGAR_WEBHOOK_ALLOW_PRIVATE;
  });

  it.each([
    "http://127.0.0.1:9000/hook",
    "http://10.1.2.3/hook",
    "http://169.254.169.254/latest/meta-data",
    "http://[::1]/hook",
    "http://192.168.0.10/",
    "http://[::ffff:127.0.0.1]/",
  ])("refuses %s", async (url) => {
    await expect(checkUrl(url)).rejects.toMatchObject({ code: "webhook.url_not_allowed" });
  });

  it("refuses other schemes and embedded credentials", async () => {
    await expect(checkUrl("ftp://example.com/x")).rejects.toBeInstanceOf(VisibleError);
    await expect(checkUrl("https://user:pw@example.com/x")).rejects.toBeInstanceOf(VisibleError);
    await expect(checkUrl("not a url")).rejects.toBeInstanceOf(VisibleError);
  });

  it("accepts a public address, and private ones only when the operator allows them", async () => {
    await expect(checkUrl("https://93.184.215.14/hook")).resolves.toBeInstanceOf(URL);
    process.env.HANGAR_WEBHOOK_ALLOW_PRIVATE = "true";
    await expect(checkUrl("http://127.0.0.1:9000/hook")).resolves.toBeInstanceOf(URL);
  });
});
