import { TransitionConflict, VisibleError } from "../error";
import { rename as write } from "./name";
import { mine } from "./query";
import { type Row, toInfo } from "./row";

/** Renames a deployment, re-reading it when a worker wrote in between. */
export async function rename(ref: string, name: string) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const row: Row = await mine(ref);
    if (row.state === "deleted" || row.state === "deleting") {
      throw new VisibleError(
        "conflict",
        "deployment.invalid_state",
        `Cannot rename a deployment that is ${row.state}.`,
        { state: row.state },
      );
    }
    try {
      return toInfo(await write(row, name));
    } catch (error) {
      if (!(error instanceof TransitionConflict)) throw error;
      ref = row.id;
    }
  }
  throw new VisibleError(
    "conflict",
    "deployment.busy",
    "The deployment changed while this request ran; retry it.",
  );
}
