import type { Provider, Transfer } from "../../provider";
import * as Weights from "../../weights";
import { apiVersionOf, type Row, type TransferFile } from "../row";
import { loraOf } from "./lora";
import { fail, next, type Phase, type Step, type StepContext, uploadFields, wait } from "./shared";

const spec = (row: Row) => ({ ...row.model, hfToken: row.hfToken });

/** queued: start the upload (or find the one an earlier attempt started), or skip it for a catalog model. */
export const queued: Phase = async (row, p) => {
  if (!p.needsUpload(row.model))
    return { to: "provisioning", set: { modelName: row.model.source }, nextCheckSeconds: 0 };
  const apiVersion = apiVersionOf(row);
  const earlier = await p.findUpload({ deploymentId: row.id, apiVersion });
  if (p.capabilities.upload === "pull") {
    // A Hub repo that doesn't exist (or needs a token) fails here, clearly, not minutes later at the provider.
    if (!earlier && row.model.source.startsWith("hf://")) await Weights.listFiles(spec(row));
    const upload = earlier ?? (await p.startUpload({ deploymentId: row.id, model: spec(row), apiVersion }));
    return { to: "uploading", set: uploadFields(upload), remove: ["hfToken"] };
  }
  const files = await Weights.listFiles(spec(row));
  let upload = earlier;
  if (!upload) {
    const lora = row.model.type === "adapter" ? await loraOf(spec(row), files) : undefined;
    if (lora && "problem" in lora) return fail("upload.adapter_config_invalid", lora.problem);
    upload = await p.startUpload({ deploymentId: row.id, model: { ...spec(row), ...lora }, files });
  }
  return {
    to: "uploading",
    set: { ...uploadFields(upload), transfer: { files: files.map((f) => ({ ...f, sent: 0, done: false })) } },
    nextCheckSeconds: 0,
  };
};

/** uploading: pull providers are watched; push uploads send one file per step, then ask for validation. */
export const uploading: Phase = async (row, p, ctx) => {
  const pending = row.transfer?.files.find((f) => !f.done);
  if (pending) return send(row, p, ctx, pending);
  const upload =
    row.transfer && p.completeUpload
      ? await p.completeUpload(row.uploadJobId as string, { precision: row.precision })
      : await p.getUpload(row.uploadJobId as string);
  if (upload.state === "complete") {
    return { to: "provisioning", set: uploadFields(upload), remove: ["hfToken"], nextCheckSeconds: 0 };
  }
  if (upload.state === "failed") {
    return fail(
      "upload.failed",
      `The model upload failed at ${p.name}: ${upload.message ?? upload.raw}`,
      uploadFields(upload),
    );
  }
  return wait(row, uploadFields(upload));
};

/**
 * Streams one file from the source to a fresh signed URL. Progress is recorded as the lease is
 * renewed; a crash restarts this file only, since finished files are marked done.
 */
async function send(row: Row, p: Provider, ctx: StepContext, file: TransferFile): Promise<Step> {
  if (!p.uploadTargets) throw new Error(`${p.name} takes pushed uploads but gives no upload targets`);
  const [target] = await p.uploadTargets(row.uploadJobId as string, [{ path: file.path, size: file.size }]);
  if (!target) throw new Error(`${p.name} gave no upload target for ${file.path}`);
  const files = (sent: number, done = false) =>
    row.transfer?.files.map((f) => (f.path === file.path ? { ...f, sent, done } : f)) ?? [];
  let last = Date.now();
  await Weights.sendFile(spec(row), file, target as Transfer, {
    onProgress: (sent) => {
      if (Date.now() - last < 15_000) return;
      last = Date.now();
      void ctx.heartbeat({ transfer: { files: files(sent) } });
    },
  });
  return next({ transfer: { files: files(file.size, true) } });
}
