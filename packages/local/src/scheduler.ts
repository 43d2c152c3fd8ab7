import { log } from "@hangar/core/util/log";
import { type NextFire, parseSchedule } from "./schedule-expression";

export interface ScheduledTask {
  name: string;
  expression: string;
  handler: () => Promise<unknown>;
}

export interface Scheduler {
  /** Cancels future runs and waits for the runs in progress. */
  stop(): Promise<void>;
}

/** setTimeout's longest delay (~24.8 days); longer waits are taken in steps. */
const MAX_TIMER = 2 ** 31 - 1;

/**
 * Fires each task on its EventBridge expression, like a scheduled rule. A run that outlasts
 * its period makes the schedule skip the ticks it missed: a task never overlaps itself.
 * Throws at once on an expression it can't parse.
 */
export function startScheduler(tasks: ScheduledTask[], options: { speedUp?: number } = {}): Scheduler {
  const stopping = new AbortController();
  const { signal } = stopping;

  const wait = (until: number) =>
    new Promise<void>((done) => {
      const finish = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", finish);
        done();
      };
      const timer = setTimeout(finish, Math.min(Math.max(0, until - Date.now()), MAX_TIMER));
      signal.addEventListener("abort", finish);
    });

  const loop = async (task: ScheduledTask, next: NextFire) => {
    let at = next(Date.now());
    for (;;) {
      while (!signal.aborted && Date.now() < at) await wait(at);
      if (signal.aborted) return;
      try {
        await task.handler();
      } catch (error) {
        log.error("local scheduler: run failed", { schedule: task.name, error });
      }
      while (at <= Date.now()) at = next(at);
    }
  };

  const parsed = tasks.map((task) => [task, parseSchedule(task.expression, options.speedUp)] as const);
  const loops = parsed.map(([task, next]) => loop(task, next));
  return {
    async stop() {
      stopping.abort();
      await Promise.all(loops);
    },
  };
}
