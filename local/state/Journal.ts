import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { MAX_FRAME_PAYLOAD_BYTES } from './constants.js';
import { InvalidRecordError, JournalClosedError, JournalWriteError, StateError } from './errors.js';
import { encodeFrame } from './frame.js';
import { recover } from './recover.js';
import { encodeSnapshot, writeSnapshotFile } from './snapshotFile.js';
import { StateDirLock } from './StateDirLock.js';
import { listSegments, segmentPath, syncDirectory } from './stateFiles.js';
import type { JournalOptions, JournalStats, OpenFile, RecoveredState } from './types.js';

interface Deferred {
  readonly promise: Promise<void>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A service's `onMutation` hook drops the promise; the failure stays visible through
  // `whenDurable()`, `failure` and the next append, so an unobserved rejection must not crash.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

type QueueEntry =
  | { readonly kind: 'record'; readonly frame: Buffer; readonly done: Deferred }
  | { readonly kind: 'rotate'; readonly segment: number; readonly done: Deferred };

/**
 * The write-ahead log of the local runtime's services, in a state directory (`STATE_DIR`).
 *
 * - **Durable appends.** {@link append} resolves once the record is written and data-synced
 *   (`FileHandle.datasync()`), so an acknowledgement sent after it survives a SIGKILL of the
 *   runtime or a power loss.
 * - **Group commit.** One batch is written and synced at a time; every append arriving meanwhile
 *   joins the next batch, so N concurrent appends cost about one sync rather than N.
 * - **Order.** Records are framed and queued synchronously inside `append`, and batches are
 *   written in queue order: the file holds records in append order, and a crash keeps a prefix.
 * - **Compaction.** {@link checkpoint} stores the services' snapshots atomically and starts a new
 *   segment; older segments are deleted only once the snapshot is durable.
 * - **One owner.** The directory is locked while the journal is open ({@link StateDirLock}).
 *
 * @example
 * const journal = await Journal.open({ dir: process.env.STATE_DIR! });
 * const { snapshots, records } = journal.recovered;
 * // restore each service from snapshots?.[name], then replay records of that service in order
 * sqs.onMutation(journal.durableHook('sqs'));
 * // before answering 202: await journal.whenDurable();
 */
export class Journal {
  /** The state directory. */
  public readonly dir: string;
  /** What the directory held when the journal was opened: rebuild the services from it. */
  public readonly recovered: RecoveredState;

  private readonly lock: StateDirLock;
  private readonly openFile: OpenFile;
  private readonly maxBatchRecords: number;
  private handle: FileHandle;
  /** Segment new records go to once queued rotations are done. */
  private segment: number;
  private readonly queue: QueueEntry[] = [];
  private draining = false;
  private tail: Promise<void> = Promise.resolve();
  private failed: JournalWriteError | undefined;
  private closing: Promise<void> | undefined;
  private checkpoints: Promise<void> = Promise.resolve();
  private liveBytes: number;
  private counters = { appends: 0, durableRecords: 0, syncs: 0, largestBatch: 0, checkpoints: 0 };

  private constructor(init: {
    dir: string;
    recovered: RecoveredState;
    lock: StateDirLock;
    openFile: OpenFile;
    maxBatchRecords: number;
    handle: FileHandle;
    segment: number;
    liveBytes: number;
  }) {
    this.dir = init.dir;
    this.recovered = init.recovered;
    this.lock = init.lock;
    this.openFile = init.openFile;
    this.maxBatchRecords = init.maxBatchRecords;
    this.handle = init.handle;
    this.segment = init.segment;
    this.liveBytes = init.liveBytes;
  }

  /**
   * Opens the journal of `options.dir` (created if missing): takes the directory's lock, recovers
   * its contents (cutting off a torn tail, see {@link recover}) into {@link recovered}, and starts a
   * new segment for appends.
   * @throws StateDirLockedError if another live process holds the directory
   * @throws JournalCorruptError if the journal is damaged other than at its tail
   */
  public static async open(options: JournalOptions): Promise<Journal> {
    const { dir } = options;
    const maxBatchRecords = options.maxBatchRecords ?? Number.POSITIVE_INFINITY;
    if (!(maxBatchRecords >= 1)) throw new StateError(dir, `maxBatchRecords must be at least 1 (given ${maxBatchRecords})`);
    const openFile = options.openFile ?? ((file, flags) => fs.open(file, flags));
    await fs.mkdir(dir, { recursive: true });
    const lock = await StateDirLock.acquire(dir);
    try {
      const recovered = await recover(dir, { repair: true });
      let liveBytes = 0;
      for (const n of recovered.segments) liveBytes += (await fs.stat(segmentPath(dir, n))).size;
      const existing = await listSegments(dir);
      const segment = Math.max(0, ...existing) + 1;
      const handle = await openFile(segmentPath(dir, segment), 'ax');
      await syncDirectory(dir);
      return new Journal({ dir, recovered, lock, openFile, maxBatchRecords, handle, segment, liveBytes });
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /**
   * Appends one record of `service`, serialised as JSON at once (later changes to `record` are not
   * seen). Resolves when the record is durable; rejects with {@link InvalidRecordError} for a
   * record JSON cannot carry, {@link JournalWriteError} once a write or sync has failed, and
   * {@link JournalClosedError} after {@link close}.
   */
  public append(service: string, record: unknown): Promise<void> {
    const refused = this.refusal();
    if (refused) return Promise.reject(refused);
    let payload: Buffer;
    try {
      payload = Buffer.from(JSON.stringify({ s: service, r: record }), 'utf8');
    } catch (error) {
      return Promise.reject(new InvalidRecordError(this.dir, service, `not JSON-serialisable (${(error as Error).message})`, { cause: error }));
    }
    if (payload.length > MAX_FRAME_PAYLOAD_BYTES) {
      return Promise.reject(new InvalidRecordError(this.dir, service, `${payload.length} bytes exceeds the ${MAX_FRAME_PAYLOAD_BYTES}-byte record limit`));
    }
    const frame = encodeFrame(payload);
    this.liveBytes += frame.length;
    this.counters.appends++;
    return this.enqueue({ kind: 'record', frame, done: deferred() });
  }

  /**
   * A mutation hook for a service (`onMutation`): journals each record under `service` and returns
   * the append's promise. Services that ignore the promise lose nothing: a failure surfaces in
   * {@link whenDurable}, which the runtime awaits before acknowledging a request.
   */
  public durableHook(service: string): (record: unknown) => Promise<void> {
    return (record) => this.append(service, record);
  }

  /**
   * Resolves when every record appended so far is durable; rejects if one of them could not be
   * written. The runtime awaits it before answering a request whose effects must survive a crash
   * (e.g. the webhook's 202).
   */
  public whenDurable(): Promise<void> {
    const refused = this.failed;
    return refused ? Promise.reject(refused) : this.tail;
  }

  /**
   * Stores `snapshots` (the state of every service as of this call, serialised at once) as the new
   * base of the journal and compacts it: records appended before this call stay in the segments
   * the snapshot replaces, later ones go to a new segment. Older segments are deleted once the
   * snapshot is durable, so a crash at any point recovers either the old base and all records, or
   * the new one and the records after it. Checkpoints run one at a time, in call order.
   */
  public checkpoint(snapshots: Readonly<Record<string, unknown>>): Promise<void> {
    const refused = this.refusal();
    if (refused) return Promise.reject(refused);
    const segment = this.segment + 1;
    let frame: Buffer;
    try {
      frame = encodeSnapshot({ segment, services: snapshots });
    } catch (error) {
      return Promise.reject(new InvalidRecordError(this.dir, 'checkpoint', `snapshot is not JSON-serialisable (${(error as Error).message})`, { cause: error }));
    }
    this.segment = segment;
    this.liveBytes = 0;
    const rotated = this.enqueue({ kind: 'rotate', segment, done: deferred() });
    const run = async (): Promise<void> => {
      await rotated;
      try {
        await writeSnapshotFile(this.dir, frame, this.openFile);
        const obsolete = (await listSegments(this.dir)).filter((n) => n < segment);
        await Promise.all(obsolete.map((n) => fs.rm(segmentPath(this.dir, n), { force: true })));
        if (obsolete.length > 0) await syncDirectory(this.dir);
      } catch (error) {
        // The journal is intact (the old base and every segment remain); only compaction failed.
        throw new JournalWriteError(this.dir, error);
      }
      this.counters.checkpoints++;
    };
    const result = this.checkpoints.then(run, run);
    this.checkpoints = result.catch(() => undefined);
    return result;
  }

  /** Bytes in the journal's live segments (those a recovery would replay): compare with a compaction threshold. */
  public sizeBytes(): number {
    return this.liveBytes;
  }

  /** Counters since the journal was opened. */
  public stats(): JournalStats {
    return { ...this.counters };
  }

  /** The write failure that stopped the journal, if any. */
  public get failure(): JournalWriteError | undefined {
    return this.failed;
  }

  /** Waits for queued records and checkpoints, closes the segment and releases the lock. Idempotent. */
  public close(): Promise<void> {
    this.closing ??= (async () => {
      await this.tail.catch(() => undefined);
      await this.checkpoints;
      await this.handle.close().catch(() => undefined);
      await this.lock.release();
    })();
    return this.closing;
  }

  private refusal(): Error | undefined {
    if (this.closing) return new JournalClosedError(this.dir);
    return this.failed;
  }

  private enqueue(entry: QueueEntry): Promise<void> {
    this.queue.push(entry);
    this.tail = entry.done.promise;
    if (!this.draining) {
      this.draining = true;
      // Appends made in the same tick (a burst from one request) all make the first batch.
      queueMicrotask(() => void this.drain());
    }
    return entry.done.promise;
  }

  private async drain(): Promise<void> {
    let current: QueueEntry[] = [];
    try {
      while (this.queue.length > 0 && this.failed === undefined) {
        const head = this.queue[0]!;
        if (head.kind === 'rotate') {
          current = [this.queue.shift()!];
          await this.rotate(head.segment);
          head.done.resolve();
          continue;
        }
        const batch: Array<Extract<QueueEntry, { kind: 'record' }>> = [];
        while (batch.length < this.maxBatchRecords && this.queue[0]?.kind === 'record') {
          batch.push(this.queue.shift() as Extract<QueueEntry, { kind: 'record' }>);
        }
        current = batch;
        await this.writeBatch(batch.map((entry) => entry.frame));
        this.counters.durableRecords += batch.length;
        this.counters.largestBatch = Math.max(this.counters.largestBatch, batch.length);
        for (const entry of batch) entry.done.resolve();
      }
    } catch (error) {
      // After a failed write or sync the file's state is unknown (and a retried fsync may report
      // success for lost data), so the journal stops: everything in flight or queued is rejected.
      const failure = new JournalWriteError(this.dir, error);
      this.failed = failure;
      for (const entry of [...current, ...this.queue.splice(0)]) entry.done.reject(failure);
    } finally {
      this.draining = false;
    }
  }

  private async writeBatch(frames: Buffer[]): Promise<void> {
    const data = frames.length === 1 ? frames[0]! : Buffer.concat(frames);
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await this.handle.write(data, written, data.length - written);
      written += bytesWritten;
    }
    await this.handle.datasync();
    this.counters.syncs++;
  }

  private async rotate(segment: number): Promise<void> {
    // Everything before the rotation was synced by the batch that preceded it.
    await this.handle.close();
    this.handle = await this.openFile(segmentPath(this.dir, segment), 'ax');
    await syncDirectory(this.dir);
  }
}
