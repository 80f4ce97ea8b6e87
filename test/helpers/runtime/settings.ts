import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalSettings } from '../../../local/runtime/index.js';

/** Settings for a runtime on free ports over an existing assembly, writing its files to a temp dir. */
export function testSettings(cdkOut: string, overrides: Partial<LocalSettings> = {}): LocalSettings {
  const dir = mkdtempSync(join(tmpdir(), 'hookbridge-runtime-files-'));
  return {
    port: 0,
    host: '127.0.0.1',
    edgePort: 0,
    secrets: {},
    cdkOut,
    synthOut: join(dir, 'cdk.out'),
    outputsFile: join(dir, 'outputs.json'),
    endpointsFile: join(dir, 'local.json'),
    cwd: dir,
    ...overrides,
  };
}

/** An `io` that keeps the lines it is given. */
export function collectingIo(): { lines: string[]; log(line: string): void } {
  const lines: string[] = [];
  return { lines, log: (line) => void lines.push(line) };
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
