import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cdkSynth } from '../../../bench/shared/cdkSynth.js';
import { SynthError } from '../../../bench/shared/errors.js';

describe('cdkSynth', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hookbridge-cdk-synth-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fails if the app fails, naming the app and the exit, with the end of its output', async () => {
    // GIVEN an app that prints a reason and exits 3
    const app = `node -e "console.error('no sources configured'); process.exit(3)"`;

    // WHEN it is synthesized
    const error = (await cdkSynth({ app, context: {}, outDir: join(dir, 'cdk.out') }).catch((e: unknown) => e)) as SynthError;

    // THEN the error says which app failed and carries what it printed
    expect(error).toBeInstanceOf(SynthError);
    expect(error.message).toMatch(/^cdk synth --app "node -e .*" exited [1-9]\d*; fix the app or its handlers\. Output:\n/);
    expect(error.output).toContain('no sources configured');
  }, 120_000);

  it('fails if the synthesis outlives its bound, and stops the app it started', async () => {
    // GIVEN an app that records its pid and never finishes
    const pidFile = join(dir, 'app.pid');
    const app = `node -e "require('fs').writeFileSync('${pidFile}', String(process.pid)); setTimeout(() => {}, 600000)"`;

    // WHEN it is synthesized with a 20 s bound (room for npx and the CLI to start the app)
    const error = (await cdkSynth({ app, context: {}, outDir: join(dir, 'cdk.out'), timeoutMs: 20_000 }).catch((e: unknown) => e)) as SynthError;

    // THEN it is reported as out of time, and the app process is gone too
    expect(error).toBeInstanceOf(SynthError);
    expect(error.message).toContain('ran out of time (timeout after 20000 ms)');
    const pid = Number(readFileSync(pidFile, 'utf8'));
    await expect.poll(() => isAlive(pid), { timeout: 10_000 }).toBe(false);
  }, 60_000);
});

/** Whether `pid` still runs: a zombie (exited, not reaped yet) does not. */
function isAlive(pid: number): boolean {
  if (existsSync('/proc/self/stat')) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
