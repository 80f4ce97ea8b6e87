import { spawn } from 'node:child_process';
import { REPO_ROOT, SYNTH_OUTPUT_TAIL_CHARS, SYNTH_TIMEOUT_MS } from './constants.js';
import { SynthError } from './errors.js';

/** What {@link cdkSynth} synthesizes. */
export interface CdkSynthOptions {
  /** The app, as `cdk synth --app` runs it from the repository root, e.g. `npx tsx bin/app.ts`. */
  readonly app: string;
  /** CDK context (`-c key=value`). */
  readonly context: Readonly<Record<string, string>>;
  /** The cloud assembly directory to write (`--output`). */
  readonly outDir: string;
  /**
   * Bound of the synthesis, ms; the CLI is SIGKILLed after it.
   * @default 240000
   */
  readonly timeoutMs?: number;
}

/**
 * `npx cdk synth --quiet` of an app into a cloud assembly: the same command a deploy runs (esbuild
 * bundles every handler locally), run from the repository root and bounded.
 *
 * @throws SynthError with the end of the CLI's output when it fails or runs out of time
 */
export async function cdkSynth(options: CdkSynthOptions): Promise<void> {
  const timeoutMs = options.timeoutMs ?? SYNTH_TIMEOUT_MS;
  const args = ['cdk', 'synth', '--quiet', '--app', options.app, '--output', options.outDir];
  for (const [name, value] of Object.entries(options.context)) args.push('-c', `${name}=${value}`);
  let output = '';
  const code = await new Promise<number | string>((resolve) => {
    // Its own process group: npx starts the CLI, which starts the app; a timeout must stop all three.
    const child = spawn('npx', args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-SYNTH_OUTPUT_TAIL_CHARS);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      killGroup(child.pid);
      resolve(`timeout after ${timeoutMs} ms`);
    }, timeoutMs);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve(status ?? 1);
    });
  });
  if (code !== 0) throw new SynthError(options.app, typeof code === 'string' ? `ran out of time (${code})` : `exited ${code}`, output);
}

/** SIGKILL to every process of the group `pid` leads (gone already is fine). */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group has exited
  }
}
