import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SEGMENT_FILE_PATTERN, SEGMENT_NUMBER_DIGITS } from './constants.js';

/** File name of journal segment `n`. */
export function segmentFileName(n: number): string {
  return `segment-${String(n).padStart(SEGMENT_NUMBER_DIGITS, '0')}.hbj`;
}

/** Numbers of the journal segments in `dir`, ascending; empty if `dir` does not exist. */
export async function listSegments(dir: string): Promise<number[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const numbers: number[] = [];
  for (const name of names) {
    const match = SEGMENT_FILE_PATTERN.exec(name);
    if (match) numbers.push(Number(match[1]));
  }
  return numbers.sort((a, b) => a - b);
}

/**
 * Syncs a directory so the names created, renamed or deleted in it are durable: an fsync of a file
 * does not persist its directory entry.
 * @see https://man7.org/linux/man-pages/man2/fsync.2.html ("Calling fsync() does not necessarily
 * ensure that the entry in the directory containing the file has also reached disk. For that an
 * explicit fsync() on a file descriptor for the directory is also needed.")
 */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or sync a directory; its rename and create are durable on their own terms.
    const code = (error as NodeJS.ErrnoException).code;
    if (process.platform !== 'win32' || (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EACCES')) throw error;
  } finally {
    await handle?.close();
  }
}

/** Path of segment `n` in `dir`. */
export function segmentPath(dir: string, n: number): string {
  return path.join(dir, segmentFileName(n));
}
