import type { EndpointStatus, Provider } from ".";

type Snapshot = { at: number; byId: Promise<Map<string, EndpointStatus>> };

/**
 * One list call per account per tick in place of a read per deployment. A listed entry answers
 * only "still as it was" (`unchanged`): any change, which a step may act on, and any endpoint the
 * list lacks, is read on its own first. A snapshot serves only reads that start within `tickMs`
 * of its list call, and concurrent reads share the call in flight. An account lists only while
 * the container reads more than one of its endpoints (`busyMs`): for a lone deployment a list
 * would cost what a read does.
 */
export class Snapshots {
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly reads = new Map<string, Map<string, number>>();

  constructor(private readonly options: { tickMs: () => number; busyMs?: number; clock?: () => number }) {}

  async read(
    p: Provider,
    id: string,
    unchanged: (listed: EndpointStatus) => boolean,
  ): Promise<EndpointStatus | undefined> {
    const now = this.options.clock?.() ?? Date.now();
    if (!p.listEndpoints || !this.busy(p.name, id, now)) return p.getEndpoint(id);
    let snapshot = this.snapshots.get(p.name);
    if (!snapshot || now - snapshot.at > this.options.tickMs()) {
      snapshot = { at: now, byId: p.listEndpoints().then((list) => new Map(list.map((e) => [e.id, e]))) };
      this.snapshots.set(p.name, snapshot);
      // A failed list is forgotten at once: the next read tries again, this one reads alone.
      const failed = snapshot;
      snapshot.byId.catch(() => this.snapshots.get(p.name) === failed && this.snapshots.delete(p.name));
    }
    const listed = await snapshot.byId.then(
      (byId) => byId.get(id),
      () => undefined,
    );
    return listed && unchanged(listed) ? listed : p.getEndpoint(id);
  }

  /** More than one endpoint of this account read lately in this container. */
  private busy(account: string, id: string, now: number) {
    const busyMs = this.options.busyMs ?? 60_000;
    const seen = this.reads.get(account) ?? new Map<string, number>();
    this.reads.set(account, seen);
    seen.set(id, now);
    for (const [other, at] of seen) if (now - at > busyMs) seen.delete(other);
    return seen.size > 1;
  }
}
