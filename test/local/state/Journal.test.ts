import { open, readdir, stat } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  InvalidRecordError,
  Journal,
  JournalClosedError,
  JournalWriteError,
  recover,
} from '../../../local/state/index.js';
import type { OpenFile } from '../../../local/state/index.js';
import { countingOpenFile } from '../../helpers/state/countingOpenFile.js';
import { tempStateDir } from '../../helpers/state/tempStateDir.js';

let dir: string;
let cleanup: () => Promise<void>;
const opened: Journal[] = [];

async function openJournal(options: { maxBatchRecords?: number; openFile?: OpenFile } = {}): Promise<Journal> {
  const journal = await Journal.open({ dir, ...options });
  opened.push(journal);
  return journal;
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempStateDir());
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((journal) => journal.close()));
  await cleanup();
});

describe('Journal', () => {
  it('starts empty in a new directory, creating it', async () => {
    // GIVEN a directory that does not exist  WHEN the journal opens
    const journal = await openJournal();
    // THEN nothing is recovered and the directory holds the lock and a first segment
    expect(journal.recovered.snapshots).toBeUndefined();
    expect(journal.recovered.records).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['hookbridge.lock', 'segment-0000000001.hbj']);
  });

  it('recovers appended records of several services in append order', async () => {
    // GIVEN records of two services appended and the journal closed
    const journal = await openJournal();
    await journal.append('sqs', { type: 'send', id: 1 });
    await journal.append('secrets', { type: 'put', name: 's', value: 'ü€' });
    await journal.append('sqs', { type: 'delete', id: 1 });
    await journal.close();
    // WHEN the directory is recovered
    const recovered = await recover(dir);
    // THEN every record comes back, with its service, in order
    expect(recovered.records).toEqual([
      { service: 'sqs', record: { type: 'send', id: 1 } },
      { service: 'secrets', record: { type: 'put', name: 's', value: 'ü€' } },
      { service: 'sqs', record: { type: 'delete', id: 1 } },
    ]);
    expect(recovered.tornTail).toBeUndefined();
  });

  it('group-commits concurrent appends: all recovered in order with far fewer syncs than records', async () => {
    // GIVEN a journal whose file syncs are counted
    const { openFile, counter } = countingOpenFile();
    const journal = await openJournal({ openFile });
    const n = 2_000;
    // WHEN 2000 appends are issued concurrently, in bursts from separate ticks
    const pending: Array<Promise<void>> = [];
    for (let i = 0; i < n; i++) {
      pending.push(journal.append(i % 3 === 0 ? 'eventbridge' : 'sqs', { i }));
      if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(pending);
    await journal.close();
    // THEN each record is durable and in order, and the syncs number a small fraction of the appends
    const { records } = await recover(dir);
    expect(records.map((entry) => (entry.record as { i: number }).i)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(counter.datasync).toBe(journal.stats().syncs);
    expect(counter.datasync).toBeGreaterThan(0);
    expect(counter.datasync).toBeLessThan(n / 10);
    expect(journal.stats()).toMatchObject({ appends: n, durableRecords: n });
    expect(journal.stats().largestBatch).toBeGreaterThan(1);
  });

  it('syncs once per append with group commit off (maxBatchRecords 1)', async () => {
    // GIVEN a journal limited to one record per batch
    const { openFile, counter } = countingOpenFile();
    const journal = await openJournal({ openFile, maxBatchRecords: 1 });
    // WHEN 50 appends are issued at once
    await Promise.all(Array.from({ length: 50 }, (_, i) => journal.append('sqs', { i })));
    // THEN each took its own sync
    expect(counter.datasync).toBe(50);
    expect(journal.stats().largestBatch).toBe(1);
  });

  it('resolves an append only after its bytes are in the file', async () => {
    // GIVEN a journal
    const journal = await openJournal();
    const before = (await stat(`${dir}/segment-0000000001.hbj`)).size;
    // WHEN an append resolves
    await journal.append('sqs', { big: 'y'.repeat(10_000) });
    // THEN the segment has grown by at least the record
    expect((await stat(`${dir}/segment-0000000001.hbj`)).size).toBeGreaterThan(before + 10_000);
  });

  it('whenDurable waits for every record appended before it', async () => {
    // GIVEN records handed to a service-style hook that drops the promises
    const journal = await openJournal();
    const hook = journal.durableHook('s3');
    for (let i = 0; i < 20; i++) void hook({ i });
    // WHEN whenDurable resolves
    await journal.whenDurable();
    // THEN all 20 are durable
    expect(journal.stats().durableRecords).toBe(20);
  });

  it('durableHook journals under the service name and returns the append promise', async () => {
    // GIVEN a hook for sqs
    const journal = await openJournal();
    const hook = journal.durableHook('sqs');
    // WHEN a mutation is recorded through it
    await hook({ type: 'createQueue', name: 'q' });
    await journal.close();
    // THEN it is recovered as an sqs record
    expect((await recover(dir)).records).toEqual([{ service: 'sqs', record: { type: 'createQueue', name: 'q' } }]);
  });

  it('captures a record when appended, not when written', async () => {
    // GIVEN a record object changed right after append
    const journal = await openJournal();
    const record = { n: 1 };
    const appended = journal.append('sqs', record);
    record.n = 2;
    await appended;
    await journal.close();
    // THEN the journal holds the value at append time
    expect((await recover(dir)).records[0]?.record).toEqual({ n: 1 });
  });

  it('counts live bytes for compaction and resets them at a checkpoint', async () => {
    // GIVEN a journal with some records
    const journal = await openJournal();
    expect(journal.sizeBytes()).toBe(0);
    await journal.append('sqs', { pad: 'z'.repeat(1000) });
    // THEN sizeBytes covers them, and a checkpoint resets it
    expect(journal.sizeBytes()).toBeGreaterThan(1000);
    await journal.checkpoint({ sqs: {} });
    expect(journal.sizeBytes()).toBe(0);
  });

  it('counts the bytes of segments recovered at open', async () => {
    // GIVEN a journal with 1 KB of records, closed
    const first = await openJournal();
    await first.append('sqs', { pad: 'z'.repeat(1000) });
    await first.close();
    // WHEN reopened THEN its size includes them
    const second = await openJournal();
    expect(second.sizeBytes()).toBeGreaterThan(1000);
  });

  it('fails if a record is not JSON-serialisable', async () => {
    // GIVEN a circular record
    const journal = await openJournal();
    const record: Record<string, unknown> = {};
    record.self = record;
    // WHEN appended THEN the append is refused and the journal still works
    await expect(journal.append('sqs', record)).rejects.toThrow(InvalidRecordError);
    await expect(journal.append('sqs', record)).rejects.toThrow(/cannot journal a record of sqs: not JSON-serialisable/);
    await expect(journal.append('sqs', { ok: true })).resolves.toBeUndefined();
  });

  it('fails if appending after close', async () => {
    // GIVEN a closed journal
    const journal = await openJournal();
    await journal.close();
    // WHEN appending THEN it is refused
    await expect(journal.append('sqs', {})).rejects.toThrow(JournalClosedError);
    await expect(journal.append('sqs', {})).rejects.toThrow(`journal in ${dir} is closed`);
  });

  it('close waits for queued appends', async () => {
    // GIVEN appends not awaited
    const journal = await openJournal();
    const pending = Array.from({ length: 100 }, (_, i) => journal.append('sqs', { i }));
    // WHEN closed right away
    await journal.close();
    // THEN every append resolved and is in the file
    await Promise.all(pending);
    expect((await recover(dir)).records).toHaveLength(100);
  });

  it('fails every pending and later append once a sync fails', async () => {
    // GIVEN a journal whose file sync fails
    const failingOpen: OpenFile = async (file, flags) => {
      const handle = await open(file, flags);
      handle.datasync = () => Promise.reject(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
      return handle;
    };
    const journal = await openJournal({ openFile: failingOpen });
    const hook = journal.durableHook('sqs');
    // WHEN records are appended (one through a hook that drops its promise)
    void hook({ dropped: true });
    const appended = journal.append('sqs', { i: 1 });
    // THEN the appends, whenDurable and later appends reject with the write error
    await expect(appended).rejects.toThrow(JournalWriteError);
    await expect(appended).rejects.toThrow(`journal write to ${dir} failed: EIO: i/o error, fdatasync`);
    await expect(journal.whenDurable()).rejects.toThrow(JournalWriteError);
    await expect(journal.append('sqs', { i: 2 })).rejects.toThrow(JournalWriteError);
    expect(journal.failure).toBeInstanceOf(JournalWriteError);
  });
});
