import { open } from 'node:fs/promises';
import type { OpenFile } from '../../../local/state/index.js';

/**
 * An `openFile` that opens real files but waits `delayMs` before each `write()` reaches the file,
 * like a slow disk: it widens the window in which a journal that acknowledged too early would lose
 * acknowledged records to a SIGKILL.
 */
export function slowOpenFile(delayMs: number): OpenFile {
  return async (file, flags) => {
    const handle = await open(file, flags);
    const write = handle.write.bind(handle) as (...args: unknown[]) => Promise<unknown>;
    (handle as unknown as { write: (...args: unknown[]) => Promise<unknown> }).write = async (...args: unknown[]) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return write(...args);
    };
    return handle;
  };
}
