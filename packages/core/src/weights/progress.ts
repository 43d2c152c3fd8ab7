/** Most callers want a handful of updates per file, not one per 64 KiB chunk. */
export const PROGRESS_STEP = 8 * 1024 * 1024;

/**
 * Calls `report` each time the running total crosses a multiple of `step`, and once at the end
 * (`finish`) with the final total unless it was just reported; never twice for the same count.
 */
export function throttleProgress(report: ((bytes: number) => void) | undefined, step = PROGRESS_STEP) {
  let next = step;
  let last = -1;
  const emit = (bytes: number) => {
    last = bytes;
    report?.(bytes);
  };
  return {
    update(bytes: number) {
      if (bytes < next) return;
      next = (Math.floor(bytes / step) + 1) * step;
      emit(bytes);
    },
    finish(bytes: number) {
      if (bytes !== last) emit(bytes);
    },
  };
}
