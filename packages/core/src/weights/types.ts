import type { SourceFile } from "../provider";

/** A source file and, where the source publishes one (Hub LFS files), its sha256 in lowercase hex. */
export type WeightsFile = SourceFile & { sha256?: string };

export type SendOptions = {
  /** Bytes handed to the upload so far: every PROGRESS_STEP (8 MiB) and once at the end. */
  onProgress?(bytesSent: number): void;
  signal?: AbortSignal;
};

export type Sent = { bytes: number; sha256: string };
