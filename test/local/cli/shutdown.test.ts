import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureProject, type FixtureProject } from '../../helpers/cli/fixtureProject.js';
import { BIN, REPO_ROOT } from '../../helpers/cli/runCli.js';

/*
 * `hookbridge local` as a real process with the real runtime (an assembly without resources, so
 * it starts in a moment): it must stop cleanly, exit 0, on SIGINT and on SIGTERM.
 */

const READY = /^HOOKBRIDGE_READY /m;

async function runUntilSignal(project: FixtureProject, signal: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const child = spawn(
    process.execPath,
    [BIN, 'local', '--cdk-out', join(project.dir, 'cdk.out'), '--port', '0', '--edge-port', '0', '--outputs-file', project.outputsFile],
    { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within 40 s; stderr: ${stderr}`)), 40_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (READY.test(stdout)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', () => reject(new Error(`exited before ready; stderr: ${stderr}`)));
  });
  const started = Date.now();
  child.kill(signal);
  const code = await exited;
  return { code, stdout, stderr, ms: Date.now() - started };
}

describe('hookbridge local shutdown', () => {
  let project: FixtureProject;
  beforeEach(() => {
    project = fixtureProject();
    project.writeAssembly('Empty', []);
  });
  afterEach(() => project.dispose());

  it.each(['SIGINT', 'SIGTERM'] as const)('stops on %s and exits 0 within the shutdown bound', async (signal) => {
    const run = await runUntilSignal(project, signal);

    expect(run.code).toBe(0);
    expect(run.ms).toBeLessThan(10_000);
    expect(run.stderr.trim().split('\n')).toEqual([`hookbridge: ${signal} received, stopping`]);
  });
});
