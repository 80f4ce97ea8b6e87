import { arns, busNameOf, type ArnScope } from './arns.js';
import { DEFAULT_BUS } from './constants.js';
import { ResourceNotFoundError } from './errors.js';
import { EventPattern } from './pattern/index.js';
import type { ArchiveRecord, BusRecord, EventBridgeSnapshot, ReplayRecord, RuleRecord } from './types.js';

/**
 * The in-memory state of the emulator: buses, rules with their targets, archives with their events,
 * and replays — plain JSON records, plus the compiled patterns derived from them (never snapshotted).
 */
export class EventBridgeState {
  public readonly buses = new Map<string, BusRecord>();
  /** Keyed by rule ARN (unique across buses). */
  public readonly rules = new Map<string, RuleRecord>();
  public readonly archives = new Map<string, ArchiveRecord>();
  public readonly replays = new Map<string, ReplayRecord>();
  private readonly patterns = new Map<string, EventPattern>();

  public constructor(
    public readonly scope: ArnScope,
    private readonly now: () => number,
  ) {
    this.ensureDefaultBus();
  }

  /** The bus named (or ARN'd) `nameOrArn`, default bus when absent. */
  public bus(nameOrArn: string | undefined): BusRecord {
    const name = busNameOf(nameOrArn);
    const bus = this.buses.get(name);
    if (bus === undefined) {
      throw new ResourceNotFoundError(`Event bus ${name} does not exist.`);
    }
    return bus;
  }

  /** The rule `name` on the bus. */
  public rule(busNameOrArn: string | undefined, name: string | undefined): RuleRecord {
    const bus = this.bus(busNameOrArn);
    const rule = this.rules.get(arns.rule(this.scope, bus.name, String(name)));
    if (rule === undefined) {
      throw new ResourceNotFoundError(`Rule ${String(name)} does not exist on EventBus ${bus.name}.`);
    }
    return rule;
  }

  /** Rules of one bus, in creation order. */
  public rulesOf(busName: string): RuleRecord[] {
    return [...this.rules.values()].filter((rule) => rule.busName === busName);
  }

  /** Stores a rule or archive pattern compiled (the pattern was validated before). */
  public compiled(key: string, pattern: string | undefined): EventPattern | undefined {
    if (pattern === undefined) {
      this.patterns.delete(key);
      return undefined;
    }
    let compiled = this.patterns.get(key);
    if (compiled === undefined || compiled.source !== pattern) {
      compiled = EventPattern.compile(pattern);
      this.patterns.set(key, compiled);
    }
    return compiled;
  }

  /** Forgets a compiled pattern. */
  public forget(key: string): void {
    this.patterns.delete(key);
  }

  /** The state as plain JSON (deep copy). */
  public snapshot(): EventBridgeSnapshot {
    return structuredClone({
      version: 1 as const,
      buses: [...this.buses.values()],
      rules: [...this.rules.values()],
      archives: [...this.archives.values()],
      replays: [...this.replays.values()],
    });
  }

  /** Replaces the state with a snapshot; patterns are recompiled lazily. */
  public restore(snapshot: EventBridgeSnapshot): void {
    const copy = structuredClone(snapshot);
    this.buses.clear();
    this.rules.clear();
    this.archives.clear();
    this.replays.clear();
    this.patterns.clear();
    copy.buses.forEach((bus) => this.buses.set(bus.name, bus));
    copy.rules.forEach((rule) => this.rules.set(rule.arn, rule));
    copy.archives.forEach((archive) => this.archives.set(archive.name, archive));
    copy.replays.forEach((replay) => this.replays.set(replay.name, replay));
    this.ensureDefaultBus();
  }

  private ensureDefaultBus(): void {
    if (!this.buses.has(DEFAULT_BUS)) {
      this.buses.set(DEFAULT_BUS, { name: DEFAULT_BUS, arn: arns.bus(this.scope, DEFAULT_BUS), creationTime: this.now() });
    }
  }
}
