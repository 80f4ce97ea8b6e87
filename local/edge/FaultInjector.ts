import type { EdgeService, FaultKind, ServiceFaults } from './types.js';

/**
 * Local-only fault injection per service, for tests and the soak run: added latency, and failure
 * windows during which the edge answers the service's requests with 503/500 in its protocol.
 */
export class FaultInjector {
  private readonly faults = new Map<EdgeService, ServiceFaults>();

  public constructor(private readonly now: () => number = Date.now) {}

  /** Adds `ms` of latency to every request of `service` (0 removes it). */
  public delay(service: EdgeService, ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`delay must be a non-negative number of milliseconds (given ${ms})`);
    this.faults.set(service, { ...this.get(service), delayMs: ms });
  }

  /** Fails every request of `service` until `untilEpochMs`. */
  public fail(service: EdgeService, untilEpochMs: number, kind: FaultKind = 'unavailable'): void {
    this.faults.set(service, { ...this.get(service), failUntil: untilEpochMs, failKind: kind });
  }

  /** Removes the faults of one service, or of all. */
  public clear(service?: EdgeService): void {
    if (service) this.faults.delete(service);
    else this.faults.clear();
  }

  /** The faults of one service (no delay, no failure when none is set). */
  public get(service: EdgeService): ServiceFaults {
    return this.faults.get(service) ?? { delayMs: 0 };
  }

  /** The failure kind if `service` is inside a failure window now. */
  public failing(service: EdgeService): FaultKind | undefined {
    const faults = this.faults.get(service);
    return faults?.failUntil !== undefined && this.now() < faults.failUntil ? faults.failKind : undefined;
  }

  /** Every service's active faults, for the runtime's state view. */
  public list(): Partial<Record<EdgeService, ServiceFaults>> {
    return Object.fromEntries(this.faults);
  }
}
