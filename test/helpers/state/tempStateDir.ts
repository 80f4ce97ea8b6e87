import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** A fresh temporary directory for one test and its removal. */
export async function tempStateDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'hookbridge-state-'));
  return { dir: path.join(root, 'state'), cleanup: () => rm(root, { recursive: true, force: true }) };
}
