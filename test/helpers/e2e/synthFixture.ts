import { spawn } from 'node:child_process';
import { DOWNSTREAM_CONTEXT } from '../../e2e/fixture-app/constants.js';
import { FIXTURE_APP_COMMAND, REPO_ROOT } from './paths.js';

/**
 * Synthesizes the fixture app into `outDir` with `npx cdk synth` (the same command a deploy runs;
 * esbuild bundles the handlers locally), the downstream server's URL passed as CDK context.
 * Bounded by `timeoutMs`.
 */
export async function synthFixture(outDir: string, downstreamUrl: string, timeoutMs = 150_000): Promise<void> {
  const args = ['cdk', 'synth', '--quiet', '--app', FIXTURE_APP_COMMAND, '--output', outDir, '-c', `${DOWNSTREAM_CONTEXT}=${downstreamUrl}`];
  const output: string[] = [];
  const code = await new Promise<number | string>((resolve) => {
    const child = spawn('npx', args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer): void => {
      output.push(chunk.toString('utf8'));
      if (output.length > 100) output.shift();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(`timeout after ${timeoutMs} ms`);
    }, timeoutMs);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve(status ?? 1);
    });
  });
  if (code !== 0) throw new Error(`cdk synth of the e2e fixture app failed (${code}):\n${output.join('').slice(-3000)}`);
}
