import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, JournalCorruptError, recover } from '../../../local/state/index.js';
import { countingOpenFile } from '../../helpers/state/countingOpenFile.js';
import { tempStateDir } from '../../helpers/state/tempStateDir.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempStateDir());
});

afterEach(async () => {
  await cleanup();
});

function segment(n: number): string {
  return path.join(dir, `segment-${String(n).padStart(10, '0')}.hbj`);
}

function indices(records: ReadonlyArray<{ record: unknown }>): number[] {
  return records.map((entry) => (entry.record as { i: number }).i);
}

describe('Journal.checkpoint', () => {
  it('recovers the snapshot and only the records appended after it, deleting older segments', async () => {
    // GIVEN three records, a checkpoint, then two more records
    const journal = await Journal.open({ dir });
    for (let i = 0; i < 3; i++) await journal.append('sqs', { i });
    await journal.checkpoint({ sqs: { queues: ['a'] }, s3: { buckets: [] } });
    await journal.append('sqs', { i: 3 });
    await journal.append('s3', { i: 4 });
    await journal.close();
    // WHEN recovered
    const recovered = await recover(dir);
    // THEN the snapshot, then the two later records; the first segment is gone
    expect(recovered.snapshots).toEqual({ sqs: { queues: ['a'] }, s3: { buckets: [] } });
    expect(indices(recovered.records)).toEqual([3, 4]);
    expect((await readdir(dir)).sort()).toEqual(['segment-0000000002.hbj', 'snapshot.hbj']);
  });

  it('splits exactly at the call: appends queued before it belong to the snapshot, later ones to the journal', async () => {
    // GIVEN appends in flight (not awaited) when the checkpoint is called, and appends right after
    const journal = await Journal.open({ dir });
    const before = Array.from({ length: 50 }, (_, i) => journal.append('sqs', { i }));
    const checkpointed = journal.checkpoint({ sqs: { upTo: 49 } });
    const after = Array.from({ length: 50 }, (_, i) => journal.append('sqs', { i: 50 + i }));
    await Promise.all([...before, checkpointed, ...after]);
    await journal.close();
    // WHEN recovered THEN only the records after the call are replayed on top of the snapshot
    const recovered = await recover(dir);
    expect(recovered.snapshots).toEqual({ sqs: { upTo: 49 } });
    expect(indices(recovered.records)).toEqual(Array.from({ length: 50 }, (_, i) => 50 + i));
  });

  it('syncs the snapshot file before making it the snapshot', async () => {
    // GIVEN a journal whose file syncs are counted
    const { openFile, counter } = countingOpenFile();
    const journal = await Journal.open({ dir, openFile });
    // WHEN a checkpoint completes
    await journal.checkpoint({ sqs: {} });
    await journal.close();
    // THEN the snapshot's temporary file was fully synced, and no temporary file remains
    expect(counter.sync).toBe(1);
    expect(await readdir(dir)).not.toContain('snapshot.hbj.tmp');
  });

  it('keeps the latest of several checkpoints', async () => {
    // GIVEN two checkpoints with records between and after
    const journal = await Journal.open({ dir });
    await journal.append('sqs', { i: 0 });
    const first = journal.checkpoint({ sqs: { v: 1 } });
    void journal.append('sqs', { i: 1 });
    const second = journal.checkpoint({ sqs: { v: 2 } });
    await journal.append('sqs', { i: 2 });
    await Promise.all([first, second]);
    await journal.close();
    // WHEN recovered THEN the second snapshot and the record after it
    const recovered = await recover(dir);
    expect(recovered.snapshots).toEqual({ sqs: { v: 2 } });
    expect(indices(recovered.records)).toEqual([2]);
    expect(journal.stats().checkpoints).toBe(2);
  });

  it('recovers snapshot plus the records of every later run', async () => {
    // GIVEN a checkpoint in one run, records after it, and records in a second run
    const first = await Journal.open({ dir });
    await first.append('sqs', { i: 0 });
    await first.checkpoint({ sqs: { v: 1 } });
    await first.append('sqs', { i: 1 });
    await first.close();
    const second = await Journal.open({ dir });
    expect(second.recovered.snapshots).toEqual({ sqs: { v: 1 } });
    await second.append('sqs', { i: 2 });
    await second.close();
    // WHEN recovered THEN the snapshot and both later records
    const recovered = await recover(dir);
    expect(recovered.snapshots).toEqual({ sqs: { v: 1 } });
    expect(indices(recovered.records)).toEqual([1, 2]);
  });

  it('ignores and then deletes a segment a crash left behind after the snapshot was durable', async () => {
    // GIVEN a checkpoint whose obsolete segment reappears (a crash before it was deleted)
    const journal = await Journal.open({ dir });
    await journal.append('sqs', { i: 0 });
    await copyFile(segment(1), path.join(dir, 'saved'));
    await journal.checkpoint({ sqs: { v: 1 } });
    await journal.append('sqs', { i: 1 });
    await journal.close();
    await copyFile(path.join(dir, 'saved'), segment(1));
    // WHEN recovered THEN the obsolete record is not replayed on top of the snapshot
    expect(indices((await recover(dir)).records)).toEqual([1]);
    // AND opening the journal deletes the leftover
    const reopened = await Journal.open({ dir });
    await reopened.close();
    expect(await readdir(dir)).not.toContain('segment-0000000001.hbj');
  });

  it('ignores and deletes a half-written snapshot from a crash before the rename', async () => {
    // GIVEN records and a torn temporary snapshot
    const journal = await Journal.open({ dir });
    await journal.append('sqs', { i: 0 });
    await journal.close();
    await writeFile(path.join(dir, 'snapshot.hbj.tmp'), 'HBJ1 half');
    // WHEN the journal opens THEN the records are recovered without a snapshot and the temp file is removed
    const reopened = await Journal.open({ dir });
    expect(reopened.recovered.snapshots).toBeUndefined();
    expect(indices(reopened.recovered.records)).toEqual([0]);
    await reopened.close();
    expect(await readdir(dir)).not.toContain('snapshot.hbj.tmp');
  });

  it('fails if the snapshot file is damaged', async () => {
    // GIVEN a checkpoint whose file is then damaged
    const journal = await Journal.open({ dir });
    await journal.checkpoint({ sqs: { v: 'x'.repeat(100) } });
    await journal.close();
    const file = path.join(dir, 'snapshot.hbj');
    const data = await readFile(file);
    data[data.length - 10] ^= 0xff;
    await writeFile(file, data);
    // WHEN recovered THEN it fails naming the snapshot file
    await expect(recover(dir)).rejects.toThrow(JournalCorruptError);
    await expect(recover(dir)).rejects.toThrow(`corrupt state file ${file} at offset 0: CRC-32 mismatch`);
  });

  it('fails if a snapshot is not JSON-serialisable, leaving the journal usable', async () => {
    // GIVEN a snapshot holding a BigInt
    const journal = await Journal.open({ dir });
    // WHEN checkpointed THEN refused, and appends still work
    await expect(journal.checkpoint({ sqs: { n: 1n } })).rejects.toThrow('cannot journal a record of checkpoint: snapshot is not JSON-serialisable');
    await journal.append('sqs', { i: 0 });
    await journal.close();
    expect(indices((await recover(dir)).records)).toEqual([0]);
  });
});
