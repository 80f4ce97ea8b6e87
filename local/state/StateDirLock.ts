import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { LOCK_FILE_NAME } from './constants.js';
import { StateDirLockedError, StateError } from './errors.js';

const MAX_ATTEMPTS = 5;

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Whether a process with this PID exists (EPERM: it exists but belongs to another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}

async function readPid(file: string): Promise<number | undefined | 'missing'> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return 'missing';
    throw error;
  }
  const pid = Number(text.trim());
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * The lock that keeps two runtimes out of one state directory: a file holding the owner's PID,
 * created atomically (a complete temporary file hard-linked to the lock name, so no one ever reads
 * a half-written lock). A lock whose PID is no longer running was left by a killed runtime and is
 * taken over; one held by a live process fails with {@link StateDirLockedError}.
 */
export class StateDirLock {
  /** Path of the lock file. */
  public readonly file: string;
  private released = false;

  private constructor(
    public readonly dir: string,
    file: string,
  ) {
    this.file = file;
  }

  /** Takes the lock of `dir` (which must exist) for this process. */
  public static async acquire(dir: string): Promise<StateDirLock> {
    const file = path.join(dir, LOCK_FILE_NAME);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (await StateDirLock.tryCreate(file)) return new StateDirLock(dir, file);
      const holder = await readPid(file);
      if (holder === 'missing') continue;
      if (holder !== undefined && isAlive(holder)) throw new StateDirLockedError(dir, file, holder);
      await StateDirLock.removeStale(file, holder);
    }
    throw new StateError(dir, `could not take the lock ${file} after ${MAX_ATTEMPTS} attempts; another process keeps replacing it`);
  }

  /** Creates the lock file with our PID in it, atomically; false if it already exists. */
  private static async tryCreate(file: string): Promise<boolean> {
    const content = `${process.pid}\n`;
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await fs.writeFile(temp, content, { flag: 'wx' });
    try {
      await fs.link(temp, file);
      return true;
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
      // No hard links on this file system: exclusive create, then write (a reader may see it empty
      // for an instant and take it for stale; acceptable where links are unavailable).
      try {
        await fs.writeFile(file, content, { flag: 'wx' });
        return true;
      } catch (createError) {
        if (errnoCode(createError) === 'EEXIST') return false;
        throw createError;
      }
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  /**
   * Removes a lock left by a dead process. The lock is first renamed to a private name, so that of
   * two runtimes taking over the same stale lock only one removes it; if what was renamed is no
   * longer the stale lock (someone took it over meanwhile), it is put back.
   */
  private static async removeStale(file: string, stalePid: number | undefined): Promise<void> {
    const moved = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
    try {
      await fs.rename(file, moved);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return;
      throw error;
    }
    const pid = await readPid(moved);
    if (pid !== stalePid) {
      await fs.link(moved, file).catch(() => undefined);
    }
    await fs.rm(moved, { force: true });
  }

  /** Releases the lock if this process still holds it. Idempotent. */
  public async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    if ((await readPid(this.file)) === process.pid) await fs.rm(this.file, { force: true });
  }
}
