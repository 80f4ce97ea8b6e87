import type { FileHandle } from 'node:fs/promises';

/** One journaled record and the service it belongs to. */
export interface JournalEntry {
  /** The service name given to `append` (e.g. `sqs`). */
  readonly service: string;
  /** The record as it was appended, after a JSON round trip. */
  readonly record: unknown;
}

/** What a state directory holds: rebuild state by restoring `snapshots`, then replaying `records` in order. */
export interface RecoveredState {
  /** Per-service snapshots from the latest checkpoint; undefined if none was taken. */
  readonly snapshots: Readonly<Record<string, unknown>> | undefined;
  /** Records appended after that checkpoint, in append order. */
  readonly records: readonly JournalEntry[];
  /** The torn tail dropped from the last segment, if a crash left one. */
  readonly tornTail: TornTail | undefined;
  /** Journal segment numbers read, in order. */
  readonly segments: readonly number[];
}

/** A partly written record at the end of the last segment, dropped on recovery. */
export interface TornTail {
  /** The segment file. */
  readonly file: string;
  /** Where the intact records end (the file is truncated to this length when repairing). */
  readonly offset: number;
  /** Bytes dropped. */
  readonly droppedBytes: number;
  /** Why the frame at `offset` is unreadable. */
  readonly reason: string;
}

/** Options of {@link recover}. */
export interface RecoverOptions {
  /**
   * Truncate the last segment to its last intact record and delete files a checkpoint made
   * obsolete. Only safe while holding the directory's lock, which {@link Journal.open} does.
   * @default false
   */
  readonly repair?: boolean;
}

/** Opens a file; the journal's only way to files it writes, so tests can observe syncs. */
export type OpenFile = (path: string, flags: string) => Promise<FileHandle>;

/** Options of {@link Journal.open}. */
export interface JournalOptions {
  /** The state directory; created if missing. */
  readonly dir: string;
  /**
   * Most records written by one write + fsync. `1` turns group commit off (one fsync per append),
   * which only the benchmark wants.
   * @default - unlimited: every append queued while a sync is in flight joins the next batch
   */
  readonly maxBatchRecords?: number;
  /** @default fs.promises.open */
  readonly openFile?: OpenFile;
}

/** Counters of a journal since it was opened. */
export interface JournalStats {
  /** Records appended. */
  readonly appends: number;
  /** Records durable (written and synced). */
  readonly durableRecords: number;
  /** Write + data-sync rounds of the journal (each covers one batch). */
  readonly syncs: number;
  /** Largest batch made durable by one sync. */
  readonly largestBatch: number;
  /** Checkpoints completed. */
  readonly checkpoints: number;
}

/** The damaged frame a scan stopped at. */
export interface FrameDamage {
  readonly offset: number;
  readonly reason: string;
  /** Where the first intact frame after the damage starts; undefined if none does (a torn tail). */
  readonly nextIntactOffset: number | undefined;
}

/** The result of scanning a file's frames. */
export interface FrameScan {
  /** The intact frames before any damage, in file order. */
  readonly frames: ReadonlyArray<{ readonly offset: number; readonly payload: Buffer }>;
  /** Byte offset where the intact prefix ends. */
  readonly intactEnd: number;
  readonly damage: FrameDamage | undefined;
}
