import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';
import { CpuProfileDirError } from './errors.js';

/**
 * Creates the CPU profile directory if missing and checks it can be written, so a wrong directory
 * fails at start rather than at shutdown, when the profiles would be lost.
 *
 * @returns the directory as an absolute path
 * @throws CpuProfileDirError naming the directory and the reason (e.g. `EACCES`, `ENOTDIR`)
 */
export function prepareCpuProfileDir(functionName: string, dir: string): string {
  const absolute = path.resolve(dir);
  try {
    mkdirSync(absolute, { recursive: true });
    accessSync(absolute, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    // mkdir -p over an existing file fails with EEXIST, which reads as if all were well.
    const reason = code === 'EEXIST' ? 'not a directory' : code;
    throw new CpuProfileDirError(functionName, absolute, reason, { cause: error });
  }
  return absolute;
}
