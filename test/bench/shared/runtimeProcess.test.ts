import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RuntimeStartError } from '../../../bench/shared/errors.js';
import { RuntimeProcess } from '../../../bench/shared/runtimeProcess.js';

describe('RuntimeProcess', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hookbridge-runtime-process-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fails if the runtime exits before its ready line, naming the exit code and its last lines, and logs them', async () => {
    // GIVEN a cloud assembly directory that does not exist
    const options = { cdkOut: join(dir, 'missing'), outputsFile: join(dir, 'outputs.json'), logFile: join(dir, 'runtime.log') };

    // WHEN the runtime is started on it
    const started = RuntimeProcess.start(options);

    // THEN start rejects with the exit and what the runtime printed, also written to the log file
    const error = (await started.catch((e: unknown) => e)) as RuntimeStartError;
    expect(error).toBeInstanceOf(RuntimeStartError);
    expect(error.message).toMatch(/^hookbridge local did not start: it exited \(\d+\) before it was ready; see the runtime log\. Last lines:\n/);
    expect(error.lastLines).toContain('missing');
    expect(readFileSync(options.logFile, 'utf8')).toContain(error.lastLines.split('\n')[0]!);
  }, 60_000);
});
