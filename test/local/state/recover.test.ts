import { appendFile, open, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, JournalCorruptError, recover } from '../../../local/state/index.js';
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

/** Appends records { i } one at a time; returns the file size after each (record boundaries). */
async function writeRecords(count: number, from = 0): Promise<number[]> {
  const journal = await Journal.open({ dir });
  const file = segment(Math.max(...journal.recovered.segments, 0) + 1);
  const ends: number[] = [];
  for (let i = from; i < from + count; i++) {
    await journal.append('sqs', { i, pad: 'p'.repeat(i) });
    ends.push((await stat(file)).size);
  }
  await journal.close();
  return ends;
}

function indices(records: ReadonlyArray<{ record: unknown }>): number[] {
  return records.map((entry) => (entry.record as { i: number }).i);
}

describe('recover', () => {
  it('returns nothing for a directory that does not exist', async () => {
    // GIVEN no directory  WHEN recovered  THEN empty
    expect(await recover(path.join(dir, 'missing'))).toEqual({ snapshots: undefined, records: [], tornTail: undefined, segments: [] });
  });

  it('drops a record torn mid-way at the end and truncates the file to the last good record when opened', async () => {
    // GIVEN five records, the last one cut in half (a crash during its write)
    const ends = await writeRecords(5);
    await truncate(segment(1), ends[3]! + 7);
    // WHEN recovered read-only
    const readOnly = await recover(dir);
    // THEN the first four come back, the tail is reported, and the file is untouched
    expect(indices(readOnly.records)).toEqual([0, 1, 2, 3]);
    expect(readOnly.tornTail).toMatchObject({ file: segment(1), offset: ends[3], droppedBytes: 7 });
    expect((await stat(segment(1))).size).toBe(ends[3]! + 7);
    // WHEN the journal opens (repairing) and appends more
    const journal = await Journal.open({ dir });
    expect(indices(journal.recovered.records)).toEqual([0, 1, 2, 3]);
    await journal.append('sqs', { i: 99 });
    await journal.close();
    // THEN the torn bytes are gone and later records follow the good ones
    expect((await stat(segment(1))).size).toBe(ends[3]);
    const after = await recover(dir);
    expect(indices(after.records)).toEqual([0, 1, 2, 3, 99]);
    expect(after.tornTail).toBeUndefined();
  });

  it('drops a torn frame header at the end', async () => {
    // GIVEN three records and five bytes of a fourth header
    const ends = await writeRecords(4);
    await truncate(segment(1), ends[2]! + 5);
    // WHEN recovered THEN three records and an incomplete-header tail
    const recovered = await recover(dir);
    expect(indices(recovered.records)).toEqual([0, 1, 2]);
    expect(recovered.tornTail?.reason).toBe('incomplete frame header (5 of 12 bytes)');
  });

  it('drops garbage appended after the last record', async () => {
    // GIVEN records followed by garbage, including a fake header claiming a long record
    await writeRecords(3);
    const fakeHeader = Buffer.alloc(12);
    fakeHeader.write('HBJ1', 0, 'latin1');
    fakeHeader.writeUInt32BE(4096, 4);
    await appendFile(segment(1), Buffer.concat([Buffer.from('garbage!'), fakeHeader, Buffer.from('more garbage')]));
    // WHEN recovered THEN the records survive and the garbage is a torn tail
    const recovered = await recover(dir);
    expect(indices(recovered.records)).toEqual([0, 1, 2]);
    expect(recovered.tornTail?.reason).toBe('bad frame magic');
  });

  it('drops a zero-filled tail (file extended but data not written, as after a power loss)', async () => {
    // GIVEN records followed by 4 KiB of zeros
    await writeRecords(2);
    await appendFile(segment(1), Buffer.alloc(4096));
    // WHEN recovered THEN both records survive
    const recovered = await recover(dir);
    expect(indices(recovered.records)).toEqual([0, 1]);
    expect(recovered.tornTail?.droppedBytes).toBe(4096);
  });

  it('drops a last record whose bytes are damaged but complete (CRC mismatch at the end)', async () => {
    // GIVEN the last record's final byte flipped
    const ends = await writeRecords(3);
    const data = await readFile(segment(1));
    data[ends[2]! - 1] ^= 0xff;
    await writeFile(segment(1), data);
    // WHEN recovered THEN the two before it survive
    const recovered = await recover(dir);
    expect(indices(recovered.records)).toEqual([0, 1]);
    expect(recovered.tornTail?.reason).toMatch(/^CRC-32 mismatch/);
  });

  it('fails if a record in the middle of a segment fails its CRC', async () => {
    // GIVEN five records, a payload byte of the second one flipped
    const ends = await writeRecords(5);
    const data = await readFile(segment(1));
    data[ends[0]! + 20] ^= 0x01;
    await writeFile(segment(1), data);
    // WHEN recovered THEN it fails, naming the file and the damaged record's offset
    const failure = recover(dir);
    await expect(failure).rejects.toThrow(JournalCorruptError);
    await expect(failure).rejects.toThrow(
      new RegExp(`^corrupt state file ${segment(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} at offset ${ends[0]}: CRC-32 mismatch \\(stored 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}\\); intact records follow at offset ${ends[1]}$`),
    );
    await expect(failure).rejects.toMatchObject({ file: segment(1), offset: ends[0], dir });
    // AND opening the journal fails the same way, leaving the file as it was
    await expect(Journal.open({ dir })).rejects.toThrow(`corrupt state file ${segment(1)} at offset ${ends[0]}`);
    expect((await stat(segment(1))).size).toBe(ends[4]);
  });

  it('fails if a length in the middle of a segment is damaged', async () => {
    // GIVEN the second record's length field overwritten with a huge value
    const ends = await writeRecords(4);
    const handle = await open(segment(1), 'r+');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(0x00ffffff, 0);
    await handle.write(length, 0, 4, ends[0]! + 4);
    await handle.close();
    // WHEN recovered THEN it is corruption at that record, not a torn tail
    await expect(recover(dir)).rejects.toThrow(`corrupt state file ${segment(1)} at offset ${ends[0]}: record of 16777215 bytes extends`);
  });

  it('fails if a segment followed by another one ends mid-record', async () => {
    // GIVEN two segments (two runs) and the first one cut short
    const ends = await writeRecords(3);
    await writeRecords(2, 3);
    await truncate(segment(1), ends[2]! - 3);
    // WHEN recovered THEN the sealed segment's damage is an error
    await expect(recover(dir)).rejects.toThrow(
      `corrupt state file ${segment(1)} at offset ${ends[1]}: record of`,
    );
    await expect(recover(dir)).rejects.toThrow('the segment was sealed before segment 2 began');
  });

  it('reads the records of consecutive segments in order', async () => {
    // GIVEN three runs of the journal
    await writeRecords(2);
    await writeRecords(2, 2);
    await writeRecords(2, 4);
    // WHEN recovered THEN the records of all segments, in order
    const recovered = await recover(dir);
    expect(indices(recovered.records)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(recovered.segments).toEqual([1, 2, 3]);
  });

  it('fails if a segment between others is missing', async () => {
    // GIVEN three runs and the middle segment deleted
    await writeRecords(1);
    await writeRecords(1, 1);
    await writeRecords(1, 2);
    await rm(segment(2));
    // WHEN recovered THEN the gap is named
    await expect(recover(dir)).rejects.toThrow(`corrupt state file ${segment(2)} at offset 0: journal segment 2 is missing`);
  });
});
