import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SNAPSHOT_TEMP_FILE_NAME } from './constants.js';
import { JournalCorruptError } from './errors.js';
import { scanFrames } from './frame.js';
import { readSnapshotFile } from './snapshotFile.js';
import { listSegments, segmentPath, syncDirectory } from './stateFiles.js';
import type { JournalEntry, RecoveredState, RecoverOptions, TornTail } from './types.js';

function decodeEntry(dir: string, file: string, offset: number, payload: Buffer): JournalEntry {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString('utf8'));
  } catch (error) {
    throw new JournalCorruptError(dir, file, offset, `record is not JSON (${(error as Error).message})`);
  }
  const candidate = parsed as { s?: unknown; r?: unknown } | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.s !== 'string') {
    throw new JournalCorruptError(dir, file, offset, 'record lacks a service name');
  }
  return { service: candidate.s, record: candidate.r };
}

/**
 * Reads what a state directory holds: the latest snapshot, then every record journaled after it,
 * in append order. A record torn by a crash at the very end of the last segment is dropped (and,
 * with `repair`, cut off the file); any other damage throws {@link JournalCorruptError} naming the
 * file and offset, because records after it were acknowledged and would otherwise be lost unseen.
 * A directory that does not exist holds nothing.
 *
 * Records are loaded into memory; compaction keeps the journal near
 * {@link DEFAULT_COMPACTION_THRESHOLD_BYTES}.
 */
export async function recover(dir: string, options: RecoverOptions = {}): Promise<RecoveredState> {
  const snapshot = await readSnapshotFile(dir);
  const all = await listSegments(dir);
  const first = snapshot?.segment ?? all[0];
  const obsolete = first === undefined ? [] : all.filter((n) => n < first);
  const live = first === undefined ? [] : all.filter((n) => n >= first);

  // Segments are created one after another, each only once the previous one is synced, and a
  // checkpoint's segment exists before its snapshot does: a gap means a file was lost.
  if (first !== undefined) {
    const gap = live.findIndex((n, i) => n !== first + i);
    const missing = gap !== -1 ? first + gap : live.length === 0 ? first : undefined;
    if (missing !== undefined) {
      throw new JournalCorruptError(dir, segmentPath(dir, missing), 0, `journal segment ${missing} is missing`);
    }
  }

  const records: JournalEntry[] = [];
  let tornTail: TornTail | undefined;
  for (const [index, n] of live.entries()) {
    const file = segmentPath(dir, n);
    const data = await fs.readFile(file);
    const scan = scanFrames(data);
    for (const frame of scan.frames) records.push(decodeEntry(dir, file, frame.offset, frame.payload));
    const damage = scan.damage;
    if (damage === undefined) continue;
    if (damage.nextIntactOffset !== undefined) {
      throw new JournalCorruptError(dir, file, damage.offset, `${damage.reason}; intact records follow at offset ${damage.nextIntactOffset}`);
    }
    if (index !== live.length - 1) {
      throw new JournalCorruptError(dir, file, damage.offset, `${damage.reason}; the segment was sealed before segment ${live[index + 1]} began`);
    }
    tornTail = { file, offset: damage.offset, droppedBytes: data.length - damage.offset, reason: damage.reason };
  }

  if (options.repair) {
    if (tornTail) {
      const handle = await fs.open(tornTail.file, 'r+');
      try {
        await handle.truncate(tornTail.offset);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    await Promise.all([
      ...obsolete.map((n) => fs.rm(segmentPath(dir, n), { force: true })),
      fs.rm(path.join(dir, SNAPSHOT_TEMP_FILE_NAME), { force: true }),
    ]);
    if (obsolete.length > 0) await syncDirectory(dir);
  }

  return { snapshots: snapshot?.services, records, tornTail, segments: live };
}
