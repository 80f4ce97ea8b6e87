import path from 'node:path';
import { CPU_PROFILE_EXTENSION } from './constants.js';

/**
 * `<dir>/<function name>-<n>.cpuprofile`: the file execution environment `n` (counted from 1 per
 * runner) of a function writes; characters a file name cannot safely hold become `_`.
 */
export function cpuProfileFile(dir: string, functionName: string, n: number): string {
  return path.join(dir, `${functionName.replace(/[^A-Za-z0-9._-]/g, '_')}-${n}${CPU_PROFILE_EXTENSION}`);
}
