import { createHash } from "node:crypto";
import { networkError, WeightsError } from "./errors";
import { throttleProgress } from "./progress";
import type { WeightsFile } from "./types";

/**
 * Counts and hashes the source's chunks on their way to the upload, pulled one at a time by the
 * upload (so backpressure reaches the source). The last chunk is held back until the count and the
 * sha256 check out: a corrupt or changed file aborts the PUT short and never lands complete.
 * `failure` says why the stream stopped, since the upload reports only that its body failed.
 */
export class Meter {
  bytes = 0;
  sha256 = "";
  failure: WeightsError | undefined;
  private readonly progress: ReturnType<typeof throttleProgress>;

  constructor(
    private readonly file: WeightsFile,
    onProgress?: (bytes: number) => void,
  ) {
    this.progress = throttleProgress(onProgress);
  }

  async *pipe(source: AsyncIterable<Buffer>, signal?: AbortSignal): AsyncGenerator<Buffer> {
    const hash = createHash("sha256");
    const iterator = source[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await iterator.next();
      } catch (error) {
        throw this.fail(networkError(`reading ${this.file.path} from its source`, error, signal));
      }
      if (next.done) break;
      const chunk = next.value;
      this.bytes += chunk.length;
      if (this.bytes > this.file.size) throw this.fail(this.sizeMismatch("more"));
      hash.update(chunk);
      if (this.bytes === this.file.size) this.verify(hash.digest("hex"));
      yield chunk;
      this.progress.update(this.bytes);
    }
    if (this.bytes < this.file.size) throw this.fail(this.sizeMismatch("fewer"));
    if (!this.sha256) this.verify(hash.digest("hex"));
  }

  finish(): void {
    this.progress.finish(this.bytes);
  }

  private verify(sha256: string): void {
    this.sha256 = sha256;
    const expected = this.file.sha256?.toLowerCase();
    if (expected && expected !== sha256)
      throw this.fail(
        new WeightsError(
          "weights.checksum_mismatch",
          `${this.file.path}: sha256 ${sha256} differs from the source's ${expected}; the source is corrupt or changed`,
          { retryable: false },
        ),
      );
  }

  private sizeMismatch(how: "more" | "fewer"): WeightsError {
    return new WeightsError(
      "weights.size_mismatch",
      `${this.file.path}: the source sent ${how} than the ${this.file.size} bytes listed; it is corrupt or changed`,
      { retryable: false },
    );
  }

  private fail(error: WeightsError): WeightsError {
    this.failure ??= error;
    return error;
  }
}
