import { Journal } from '../state/index.js';
import type { ArchivedEventMutation, EventBridgeService } from '../services/eventbridge/index.js';
import type { S3Mutation, S3Service, S3State } from '../services/s3/index.js';
import type { SecretsMutation, SecretsService, SecretsState } from '../services/secrets/index.js';
import type { SqsMutation, SqsService, SqsSnapshot } from '../services/sqs/index.js';
import { CHECKPOINT_THRESHOLD_BYTES, JOURNALED_SERVICES } from './constants.js';

/** The services whose state is journaled. */
export interface JournaledServices {
  readonly sqs: SqsService;
  readonly secrets: SecretsService;
  readonly s3: S3Service;
  /** Only its archived events are journaled: buses, rules and archives come from the template. */
  readonly events: EventBridgeService;
}

/**
 * The runtime's state in STATE_DIR: recovers the services from the journal at start, then journals
 * every mutation (group commit). {@link whenDurable} is what a request awaits before it is answered,
 * so an acknowledged change survives a SIGKILL.
 *
 * Secrets and S3 take their mutation hook at construction: build them with
 * `onMutation: (m) => persistence.secretsHook(m)` (a no-op until {@link attach}).
 */
export class Persistence {
  private attached = false;
  private timer: NodeJS.Timeout | undefined;
  private checkpointing: Promise<void> | undefined;

  private constructor(private readonly journal: Journal | undefined) {}

  /** Opens (and locks) the journal in `stateDir`, or a no-op persistence without one. */
  public static async open(stateDir: string | undefined): Promise<Persistence> {
    return new Persistence(stateDir === undefined ? undefined : await Journal.open({ dir: stateDir }));
  }

  /** True when a state directory is in use. */
  public get enabled(): boolean {
    return this.journal !== undefined;
  }

  /** Journaled records recovered at open, per service, and whether a torn tail was dropped. */
  public recoveredSummary(): string | undefined {
    if (!this.journal) return undefined;
    const { snapshots, records, tornTail } = this.journal.recovered;
    if (snapshots === undefined && records.length === 0) return undefined;
    return `state recovered from ${this.journal.dir}: ${snapshots ? 'snapshot + ' : ''}${records.length} journal records${tornTail ? ` (a torn last record of ${tornTail.droppedBytes} bytes was dropped)` : ''}`;
  }

  /**
   * Restores SQS, Secrets Manager and S3 from the latest snapshot, then replays the records
   * journaled after it. Archived events come back with {@link restoreArchives}.
   */
  public restore(services: JournaledServices): void {
    if (!this.journal) return;
    const { snapshots, records } = this.journal.recovered;
    const sqsSnapshot = snapshots?.[JOURNALED_SERVICES.sqs] as SqsSnapshot | undefined;
    const secretsSnapshot = snapshots?.[JOURNALED_SERVICES.secrets] as SecretsState | undefined;
    const s3Snapshot = snapshots?.[JOURNALED_SERVICES.s3] as S3State | undefined;
    if (sqsSnapshot) services.sqs.restore(sqsSnapshot);
    if (secretsSnapshot) services.secrets.restore(secretsSnapshot);
    if (s3Snapshot) services.s3.restore(s3Snapshot);
    services.sqs.replay(records.filter((e) => e.service === JOURNALED_SERVICES.sqs).map((e) => e.record as SqsMutation));
    for (const entry of records) {
      if (entry.service === JOURNALED_SERVICES.secrets) services.secrets.applyMutation(entry.record as SecretsMutation);
      else if (entry.service === JOURNALED_SERVICES.s3) services.s3.applyMutation(entry.record as S3Mutation);
    }
  }

  /**
   * Puts the archived events of the snapshot and the journal back into their archives. Call after
   * the archives were created again from the template.
   */
  public restoreArchives(events: EventBridgeService): void {
    if (!this.journal) return;
    const { snapshots, records } = this.journal.recovered;
    const archived = snapshots?.[JOURNALED_SERVICES.events] as Record<string, ArchivedEventMutation[]> | undefined;
    for (const list of Object.values(archived ?? {})) for (const mutation of list) events.applyArchived(mutation);
    for (const entry of records) {
      if (entry.service === JOURNALED_SERVICES.events) events.applyArchived(entry.record as ArchivedEventMutation);
    }
  }

  /** Starts journaling: SQS through its listener, Secrets and S3 through the hooks below. */
  public attach(services: JournaledServices): void {
    if (!this.journal) return;
    const journal = this.journal;
    this.attached = true;
    services.sqs.onMutation((mutation) => void journal.append(JOURNALED_SERVICES.sqs, mutation));
    this.timer = setInterval(() => {
      if (journal.sizeBytes() > CHECKPOINT_THRESHOLD_BYTES && !this.checkpointing) void this.checkpoint(services).catch(() => undefined);
    }, 10_000);
    this.timer.unref();
  }

  /** Mutation hook of the Secrets service. */
  public secretsHook(mutation: SecretsMutation): void {
    if (this.journal && this.attached) void this.journal.append(JOURNALED_SERVICES.secrets, mutation);
  }

  /** Archive hook of the EventBridge service. */
  public eventsHook(mutation: ArchivedEventMutation): void {
    if (this.journal && this.attached) void this.journal.append(JOURNALED_SERVICES.events, mutation);
  }

  /** Mutation hook of the S3 service. */
  public s3Hook(mutation: S3Mutation): void {
    if (this.journal && this.attached) void this.journal.append(JOURNALED_SERVICES.s3, mutation);
  }

  /** Resolves when every mutation so far is durable (at once without a state directory). */
  public whenDurable(): Promise<void> {
    return this.journal ? this.journal.whenDurable() : Promise.resolve();
  }

  /** Stores the services' snapshots as the new base of the journal (compaction). */
  public async checkpoint(services: JournaledServices): Promise<void> {
    if (!this.journal) return;
    this.checkpointing = this.journal.checkpoint({
      [JOURNALED_SERVICES.sqs]: services.sqs.snapshot(),
      [JOURNALED_SERVICES.secrets]: services.secrets.snapshot(),
      [JOURNALED_SERVICES.s3]: services.s3.snapshot(),
      [JOURNALED_SERVICES.events]: services.events.archivedEvents(),
    });
    try {
      await this.checkpointing;
    } finally {
      this.checkpointing = undefined;
    }
  }

  /** Stops checkpointing, waits for queued records and releases the state directory. */
  public async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.journal?.close();
  }
}
