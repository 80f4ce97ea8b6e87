import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../../local/cli/main.js';
import type { CommandContext, StartLocalRuntime } from '../../../local/cli/types.js';

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The `hookbridge` bin. */
export const BIN = resolve(REPO_ROOT, 'local/cli/hookbridge.mjs');

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout split into lines, without the trailing empty one. */
  readonly out: string[];
  /** stderr split into lines, without the trailing empty one. */
  readonly err: string[];
}

function lines(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

/**
 * Runs `node local/cli/hookbridge.mjs …args` as a child process, the way a user does, with only
 * the environment given (plus PATH and HOME).
 */
export function runBin(args: readonly string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: options.cwd ?? REPO_ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
        timeout: 30_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : undefined) : 0;
        if (code === undefined) reject(error);
        else resolvePromise({ code, stdout, stderr, out: lines(stdout), err: lines(stderr) });
      },
    );
  });
}

/** Options of an in-process run. */
export interface InProcessOptions {
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
  readonly loadRuntime?: () => Promise<StartLocalRuntime>;
  /** Resolves with the signal name when the run should stop (`local`). */
  readonly stopRequested?: () => Promise<string>;
}

/** Runs `main` in this process with captured output: for commands that need servers the test owns. */
export async function runMain(args: readonly string[], options: InProcessOptions = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const context: CommandContext = {
    io: { out: (line) => out.push(...line.split('\n')), err: (line) => err.push(...line.split('\n')) },
    env: options.env ?? {},
    cwd: options.cwd ?? REPO_ROOT,
    loadRuntime: options.loadRuntime ?? (() => Promise.reject(new Error('no runtime in this test'))),
    stopRequested: options.stopRequested ?? (() => new Promise<string>(() => undefined)),
  };
  const code = await main(args, context);
  return { code, stdout: out.join('\n'), stderr: err.join('\n'), out, err };
}
