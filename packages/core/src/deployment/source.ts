import { VisibleError } from "../error";
import type { ModelSpec } from "../provider";
import { log } from "../util/log";
import * as Weights from "../weights";

/** Long enough for a slow Hub, short enough that a create never hangs on it. */
const CHECK_TIMEOUT_MS = 10_000;

const codes: Partial<Record<Weights.WeightsErrorCode, string>> = {
  "weights.not_found": "model.source_not_found",
  "weights.unauthorized": "model.source_unauthorized",
  "weights.invalid_source": "model.source_invalid",
};

/**
 * A source that can't be read is refused at create (422), not after an upload has started: a
 * missing repo or revision, a private or gated one without the right hfToken. When the Hub can't
 * be asked (down, slow), the create goes ahead and the upload meets whatever it meets.
 */
export async function checkSource(model: Pick<ModelSpec, "source" | "hfToken">): Promise<void> {
  try {
    await Weights.checkSource(model, AbortSignal.timeout(CHECK_TIMEOUT_MS));
  } catch (error) {
    const known = error instanceof Weights.WeightsError && !error.retryable ? error : undefined;
    const code = known && codes[known.code];
    if (known && code) {
      throw new VisibleError("unprocessable", code, `${known.message}.`, { source: model.source });
    }
    log.warn("source not checked at create; the upload will find out", { source: model.source, error });
  }
}
