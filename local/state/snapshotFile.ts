import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SNAPSHOT_FILE_NAME, SNAPSHOT_TEMP_FILE_NAME } from './constants.js';
import { JournalCorruptError } from './errors.js';
import { encodeFrame, scanFrames } from './frame.js';
import { syncDirectory } from './stateFiles.js';
import type { OpenFile } from './types.js';

/** Format version of the snapshot payload. */
const SNAPSHOT_VERSION = 1;

/** A checkpoint as stored: the services' snapshots and the first segment to replay after them. */
export interface StoredSnapshot {
  /** Records in this segment and later ones came after the snapshot. */
  readonly segment: number;
  readonly services: Readonly<Record<string, unknown>>;
}

/** Encodes a checkpoint as one frame (so the snapshot is CRC-checked like the records). */
export function encodeSnapshot(snapshot: StoredSnapshot): Buffer {
  const payload = JSON.stringify({ version: SNAPSHOT_VERSION, segment: snapshot.segment, services: snapshot.services });
  return encodeFrame(Buffer.from(payload, 'utf8'));
}

/**
 * Makes `frame` the directory's snapshot atomically: write a temporary file, sync it, rename it over
 * the snapshot, sync the directory. A crash leaves either the old snapshot or the new one.
 */
export async function writeSnapshotFile(dir: string, frame: Buffer, openFile: OpenFile): Promise<void> {
  const temp = path.join(dir, SNAPSHOT_TEMP_FILE_NAME);
  const handle = await openFile(temp, 'w');
  try {
    await handle.writeFile(frame);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, path.join(dir, SNAPSHOT_FILE_NAME));
  await syncDirectory(dir);
}

/** Reads the directory's snapshot; undefined if there is none. */
export async function readSnapshotFile(dir: string): Promise<StoredSnapshot | undefined> {
  const file = path.join(dir, SNAPSHOT_FILE_NAME);
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // Written whole and renamed into place, a snapshot is never torn: any damage is corruption.
  const scan = scanFrames(data);
  if (scan.damage) throw new JournalCorruptError(dir, file, scan.damage.offset, scan.damage.reason);
  if (scan.frames.length !== 1) throw new JournalCorruptError(dir, file, 0, `expected one snapshot frame, found ${scan.frames.length}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(scan.frames[0]!.payload.toString('utf8'));
  } catch (error) {
    throw new JournalCorruptError(dir, file, 0, `snapshot is not JSON (${(error as Error).message})`);
  }
  const candidate = parsed as { version?: unknown; segment?: unknown; services?: unknown };
  if (candidate.version !== SNAPSHOT_VERSION) {
    throw new JournalCorruptError(dir, file, 0, `unsupported snapshot version ${JSON.stringify(candidate.version)} (expected ${SNAPSHOT_VERSION})`);
  }
  if (!Number.isSafeInteger(candidate.segment) || (candidate.segment as number) < 1 || typeof candidate.services !== 'object' || candidate.services === null) {
    throw new JournalCorruptError(dir, file, 0, 'snapshot lacks a segment number or services');
  }
  return { segment: candidate.segment as number, services: candidate.services as Record<string, unknown> };
}
