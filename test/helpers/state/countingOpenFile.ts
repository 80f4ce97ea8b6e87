import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { OpenFile } from '../../../local/state/index.js';

/** Counts of the real sync calls made through {@link countingOpenFile}. */
export interface SyncCounter {
  datasync: number;
  sync: number;
  writes: number;
}

/**
 * An `openFile` for the journal that opens real files and counts the `datasync()`, `sync()` and
 * `write()` calls made on them.
 */
export function countingOpenFile(): { openFile: OpenFile; counter: SyncCounter } {
  const counter: SyncCounter = { datasync: 0, sync: 0, writes: 0 };
  const openFile: OpenFile = async (file, flags) => {
    const handle: FileHandle = await open(file, flags);
    const datasync = handle.datasync.bind(handle);
    const sync = handle.sync.bind(handle);
    const write = handle.write.bind(handle) as (...args: unknown[]) => Promise<{ bytesWritten: number; buffer: unknown }>;
    handle.datasync = async () => {
      counter.datasync++;
      return datasync();
    };
    handle.sync = async () => {
      counter.sync++;
      return sync();
    };
    (handle as unknown as { write: (...args: unknown[]) => unknown }).write = async (...args: unknown[]) => {
      counter.writes++;
      return write(...args);
    };
    return handle;
  };
  return { openFile, counter };
}
