/** Base error of the state directory: the journal, its snapshots and its lock. */
export class StateError extends Error {
  /** The state directory concerned. */
  public readonly dir: string;

  public constructor(dir: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StateError';
    this.dir = dir;
  }
}

/** Another live process holds the state directory's lock. */
export class StateDirLockedError extends StateError {
  /** PID written in the lock file. */
  public readonly pid: number;
  /** Path of the lock file. */
  public readonly lockFile: string;

  public constructor(dir: string, lockFile: string, pid: number) {
    super(
      dir,
      `STATE_DIR ${dir} is in use by another process (pid ${pid}); stop it, or use another STATE_DIR (remove ${lockFile} only if pid ${pid} is not a hookbridge runtime)`,
    );
    this.name = 'StateDirLockedError';
    this.pid = pid;
    this.lockFile = lockFile;
  }
}

/**
 * A journal or snapshot file is damaged somewhere other than a torn tail (intact records follow the
 * damage, a segment is missing, a sealed segment ends mid-record): replaying past it would lose
 * acknowledged writes silently, so recovery stops.
 */
export class JournalCorruptError extends StateError {
  /** The damaged file. */
  public readonly file: string;
  /** Byte offset of the first damaged frame. */
  public readonly offset: number;

  public constructor(dir: string, file: string, offset: number, reason: string) {
    super(dir, `corrupt state file ${file} at offset ${offset}: ${reason}`);
    this.name = 'JournalCorruptError';
    this.file = file;
    this.offset = offset;
  }
}

/** Writing or syncing the journal failed; the journal refuses further appends. */
export class JournalWriteError extends StateError {
  public constructor(dir: string, cause: unknown) {
    super(dir, `journal write to ${dir} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'JournalWriteError';
  }
}

/** The journal was used after {@link Journal.close}. */
export class JournalClosedError extends StateError {
  public constructor(dir: string) {
    super(dir, `journal in ${dir} is closed`);
    this.name = 'JournalClosedError';
  }
}

/** A record cannot be journaled (not JSON-serialisable, or too large for one frame). */
export class InvalidRecordError extends StateError {
  /** The service the record was for. */
  public readonly service: string;

  public constructor(dir: string, service: string, reason: string, options?: ErrorOptions) {
    super(dir, `cannot journal a record of ${service}: ${reason}`, options);
    this.name = 'InvalidRecordError';
    this.service = service;
  }
}
