import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SOURCE_DIRECTORIES } from './constants.js';
import { SynthesisError } from './errors.js';

/** What {@link synthesize} needs from the settings. */
export interface SynthesizeInput {
  /** Reuse this assembly as is. */
  readonly cdkOut?: string;
  /** The CDK app command (`app` of cdk.json). */
  readonly app?: string;
  /** Where to synthesize to. */
  readonly synthOut: string;
  /** Directory the app runs in (holds cdk.json, bin/, lib/, lambdas/). */
  readonly cwd: string;
}

/** The assembly to run and whether it was synthesized now. */
export interface SynthesizeResult {
  readonly cdkOut: string;
  readonly synthesized: boolean;
}

/** Newest modification time (ms) of the files under `path` (recursively); 0 if none. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/**
 * The command that runs the aws-cdk CLI: the project's own (`aws-cdk` resolvable from `cwd`), else
 * the one installed with this package, else `npx --no-install cdk` (never a download).
 */
export function cdkCommand(cwd: string): { command: string; args: string[] } {
  for (const base of [join(cwd, 'package.json'), import.meta.url]) {
    try {
      return { command: process.execPath, args: [createRequire(base).resolve('aws-cdk/bin/cdk')] };
    } catch {
      // not installed there
    }
  }
  return { command: 'npx', args: ['--no-install', 'cdk'] };
}

/**
 * True when `cdkOut` holds an assembly written after every file of the app's sources
 * (bin/, lib/, lambdas/ and cdk.json under `cwd`) last changed: a simple mtime check.
 */
export function isAssemblyFresh(cdkOut: string, cwd: string): boolean {
  const manifest = join(cdkOut, 'manifest.json');
  if (!existsSync(manifest)) return false;
  const built = statSync(manifest).mtimeMs;
  const sources = Math.max(newestMtime(join(cwd, 'cdk.json')), ...SOURCE_DIRECTORIES.map((dir) => newestMtime(join(cwd, dir))));
  return built > sources;
}

/**
 * Returns the cloud assembly to run: `cdkOut` when given; else `synthOut` when it is fresh
 * ({@link isAssemblyFresh}); else runs `cdk synth --quiet --app <app> --output <synthOut>` in `cwd`
 * (the CLI from {@link cdkCommand}).
 *
 * @throws SynthesisError with one line (the problem and the fix) when synthesis fails
 */
export async function synthesize(input: SynthesizeInput): Promise<SynthesizeResult> {
  if (input.cdkOut !== undefined) return { cdkOut: input.cdkOut, synthesized: false };
  if (isAssemblyFresh(input.synthOut, input.cwd)) return { cdkOut: input.synthOut, synthesized: false };
  if (input.app === undefined) {
    throw new SynthesisError(`no CDK app to synthesize in ${input.cwd}: add "app" to cdk.json, or pass --app or --cdk-out`);
  }
  const cdk = cdkCommand(input.cwd);
  const args = [...cdk.args, 'synth', '--quiet', '--no-notices', '--no-version-reporting', '--app', input.app, '--output', input.synthOut];
  const stderr: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(cdk.command, args, { cwd: input.cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CDK_DISABLE_CLI_TELEMETRY: 'true' } });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr.push(chunk);
      if (stderr.length > 200) stderr.shift();
    });
    child.once('error', (error) => reject(new SynthesisError(`cannot run \`npx cdk synth\` (${error.message}); run \`npm install\` so the aws-cdk CLI is installed`, { cause: error })));
    child.once('close', (status) => resolve(status ?? 1));
  });
  if (code !== 0) {
    const lines = stderr.join('').split('\n').map((line) => line.trim()).filter((line) => line !== '');
    const reason = lines.find((line) => /error/i.test(line)) ?? lines.at(-1) ?? `exit code ${code}`;
    throw new SynthesisError(`\`cdk synth\` failed: ${reason}; fix the app and run \`npx cdk synth\` to see the whole output`);
  }
  return { cdkOut: input.synthOut, synthesized: true };
}
