import { Hangar, HangarError } from "@hangar/sdk";
import {
  createContext,
  type DependencyList,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";

export { unwrap } from "@hangar/sdk";

/** A client of this origin's public API with the signed-in key: the console has no other access. */
export function connect(apiKey: string): Hangar {
  return new Hangar({ url: window.location.origin, apiKey });
}

export const HangarContext = createContext<Hangar | null>(null);

export function useHangar(): Hangar {
  const hangar = useContext(HangarContext);
  if (!hangar) throw new Error("useHangar outside a signed-in console");
  return hangar;
}

/** What a person reads: Hangar's code and message, or what went wrong on the way. */
export function describe(error: unknown): string {
  if (error instanceof HangarError) return `${error.message} (${error.code})`;
  if (error instanceof Error) return error.message;
  return String(error);
}

export type Loaded<T> = { data: T | undefined; error: string | null; loading: boolean; reload: () => void };

/**
 * Runs `load` now, whenever `deps` change, on reload(), and again `everyMs` after each answer
 * when given: the page keeps itself current without a reload. Answers to stale calls are dropped.
 * Nothing runs while `enabled` is false.
 */
export function useLoad<T>(
  load: (hangar: Hangar) => Promise<T>,
  deps: DependencyList,
  everyMs?: number,
  enabled = true,
): Loaded<T> {
  const hangar = useHangar();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(load);
  latest.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: deps are the caller's, tick forces a reload.
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      try {
        const value = await latest.current(hangar);
        if (!live) return;
        setData(value);
        setError(null);
      } catch (e) {
        if (live) setError(describe(e));
      } finally {
        if (live) {
          setLoading(false);
          if (everyMs) timer = setTimeout(run, everyMs);
        }
      }
    };
    void run();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [hangar, everyMs, enabled, tick, ...deps]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

/** An action with its pending state and error, for buttons and forms. */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<unknown>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (...args: A): Promise<boolean> => {
    setPending(true);
    setError(null);
    try {
      await action(...args);
      return true;
    } catch (e) {
      setError(describe(e));
      return false;
    } finally {
      setPending(false);
    }
  };
  return { run, pending, error };
}
