import { type Context, Hono } from "hono";
import { advanceModel, type SimFile, type SimModel } from "../models";
import type { SimState } from "../state";

/** GCS's XML error body. */
function gcsError(status: 400 | 403 | 404, code: string, message: string) {
  const xml = `<?xml version='1.0' encoding='UTF-8'?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return new Response(xml, { status, headers: { "content-type": "application/xml; charset=UTF-8" } });
}

const signatureMismatch = (detail: string) =>
  gcsError(
    403,
    "SignatureDoesNotMatch",
    `Access denied. The request signature we calculated does not match the signature you provided. ${detail}`,
  );

/**
 * The signed-URL storage `getUploadEndpoint` points at, like a GCS V4 signed PUT: no
 * Authorization header, and `Content-Type` and `x-goog-content-length-range` exactly as signed.
 * The body is counted as it streams in and never held, so any file size works.
 */
export function storageRoutes(state: SimState) {
  const app = new Hono();

  app.put("/:bucket/:account/:model/:file", async (c) => {
    state.count("PUT /_storage/:object");
    const model = state.models.get(c.req.param("model"));
    const file = model?.files[decodeURIComponent(c.req.param("file"))];
    const refusal = check(c, model, file);
    if (!refusal && model && file) return receive(c, model, file);
    // Read what the client sends before refusing it, as GCS's front end does: a refusal sent
    // mid-upload would otherwise reach the client as a reset socket, not as the 4xx.
    await drain(c.req.raw.body);
    return refusal;
  });

  function check(c: Context, model: SimModel | undefined, file: SimFile | undefined) {
    if (!model || !file?.tokens.includes(c.req.query("X-Goog-Signature") ?? "")) {
      return signatureMismatch("Check your Google secret key and signing method.");
    }
    if (c.req.header("authorization")) {
      return gcsError(
        400,
        "InvalidArgument",
        "Multiple authentication mechanisms: a signed URL takes no Authorization header.",
      );
    }
    if (c.req.header("content-type") !== "application/octet-stream") {
      return signatureMismatch(
        `Content-Type was signed as application/octet-stream, got ${c.req.header("content-type") ?? "none"}.`,
      );
    }
    if (c.req.header("x-goog-content-length-range") !== `${file.size},${file.size}`) {
      return signatureMismatch("x-goog-content-length-range differs from the signed value.");
    }
    const declared = c.req.header("content-length");
    if (declared !== undefined && Number(declared) !== file.size)
      return sizeError(Number(declared), file.size);
    return undefined;
  }

  async function receive(c: Context, model: SimModel, file: SimFile) {
    let received = 0;
    const reader = c.req.raw.body?.getReader();
    for (;;) {
      const chunk = reader && (await reader.read());
      if (!chunk || chunk.done) break;
      received += chunk.value.byteLength;
      if (received > file.size) {
        await drain(reader);
        return sizeError(received, file.size);
      }
    }
    if (received !== file.size) return sizeError(received, file.size);
    file.received = received;
    advanceModel(state, model).updateTime = state.now();
    return c.body(null, 200, { etag: `"${file.tokens.at(-1)?.slice(0, 16)}"` });
  }

  return app;
}

/** Reads a body to its end, keeping none of it. */
async function drain(
  body: ReadableStream<Uint8Array> | ReadableStreamDefaultReader<Uint8Array> | null | undefined,
) {
  const reader = body && "getReader" in body ? body.getReader() : body;
  while (reader && !(await reader.read()).done) {}
}

function sizeError(got: number, size: number) {
  return got > size
    ? gcsError(
        400,
        "EntityTooLarge",
        `Your proposed upload is larger than the maximum object size specified in your Policy Document (${size} bytes).`,
      )
    : gcsError(
        400,
        "EntityTooSmall",
        `Your proposed upload is smaller than the minimum object size specified in your Policy Document (${size} bytes).`,
      );
}
