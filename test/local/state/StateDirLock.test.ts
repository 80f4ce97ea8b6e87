import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, mkdir, writeFile, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, StateDirLockedError } from '../../../local/state/index.js';
import { tempStateDir } from '../../helpers/state/tempStateDir.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempStateDir());
});

afterEach(async () => {
  await cleanup();
});

/** The PID of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  return child.pid!;
}

describe('state directory lock', () => {
  it('writes this process id to the lock and removes it on close', async () => {
    // GIVEN an open journal
    const journal = await Journal.open({ dir });
    // THEN the lock names this process
    expect(await readFile(path.join(dir, 'hookbridge.lock'), 'utf8')).toBe(`${process.pid}\n`);
    // WHEN closed THEN the lock is gone
    await journal.close();
    expect(await readdir(dir)).not.toContain('hookbridge.lock');
  });

  it('fails if another journal holds the directory, naming the directory and the pid', async () => {
    // GIVEN an open journal
    const journal = await Journal.open({ dir });
    try {
      // WHEN a second one opens the same directory THEN one line names the dir and the holder
      const second = Journal.open({ dir });
      await expect(second).rejects.toThrow(StateDirLockedError);
      await expect(Journal.open({ dir })).rejects.toThrow(
        `STATE_DIR ${dir} is in use by another process (pid ${process.pid}); stop it, or use another STATE_DIR (remove ${path.join(dir, 'hookbridge.lock')} only if pid ${process.pid} is not a hookbridge runtime)`,
      );
      await expect(Journal.open({ dir })).rejects.toMatchObject({ pid: process.pid, dir });
    } finally {
      await journal.close();
    }
    // AND once the first closes, the directory can be opened again
    const again = await Journal.open({ dir });
    await again.close();
  });

  it('fails if a live process of another program holds the lock', async () => {
    // GIVEN a lock naming a running process
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'hookbridge.lock'), `${sleeper.pid}\n`);
      // WHEN a journal opens THEN it is refused with that pid, and the lock is left alone
      await expect(Journal.open({ dir })).rejects.toThrow(`is in use by another process (pid ${sleeper.pid})`);
      expect(await readFile(path.join(dir, 'hookbridge.lock'), 'utf8')).toBe(`${sleeper.pid}\n`);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('takes over a stale lock left by a dead process', async () => {
    // GIVEN a lock naming a process that has exited
    const pid = await deadPid();
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'hookbridge.lock'), `${pid}\n`);
    // WHEN a journal opens THEN it succeeds and the lock now names this process
    const journal = await Journal.open({ dir });
    expect(await readFile(path.join(dir, 'hookbridge.lock'), 'utf8')).toBe(`${process.pid}\n`);
    await journal.close();
  });

  it('takes over an unreadable lock', async () => {
    // GIVEN a lock file with no PID in it
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'hookbridge.lock'), 'not a pid');
    // WHEN a journal opens THEN it succeeds
    const journal = await Journal.open({ dir });
    await journal.close();
  });

  it('lets exactly one of two concurrent opens win', async () => {
    // GIVEN a stale lock and two journals opening at once
    const pid = await deadPid();
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'hookbridge.lock'), `${pid}\n`);
    const results = await Promise.allSettled([Journal.open({ dir }), Journal.open({ dir })]);
    // THEN one opened and the other was refused as locked
    const opened = results.filter((r): r is PromiseFulfilledResult<Journal> => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(opened).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(StateDirLockedError);
    await opened[0]!.value.close();
  });
});
