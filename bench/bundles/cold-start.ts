import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BenchError } from '../errors.js';

const CHILD = fileURLToPath(new URL('./cold-start-child.cjs', import.meta.url));

/** Bound on one cold start; far above any real one. */
const CHILD_TIMEOUT_MS = 30_000;

/** One cold start, measured inside the fresh process. */
export interface ColdStart {
  /** `require` of the bundle (module init: what Lambda reports as part of Init Duration). */
  readonly importMs: number;
  /** The first invocation, including creating SDK clients and their first requests. */
  readonly invokeMs: number;
  /** From spawning the process to receiving the first answer: Node's own start included. */
  readonly wallMs: number;
  readonly result: unknown;
}

/**
 * Runs `bundle`'s handler once in a fresh `node` process with `--enable-source-maps` (the stack
 * sets `NODE_OPTIONS=--enable-source-maps` on every function) and only `env` as its environment.
 *
 * @throws BenchError when the process fails, times out or the handler throws
 */
export async function coldStart(bundle: string, invocationFile: string, env: Readonly<Record<string, string>>): Promise<ColdStart> {
  const spawned = process.hrtime.bigint();
  const child = fork(CHILD, [bundle, invocationFile], {
    execArgv: ['--enable-source-maps'],
    env: { ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  return new Promise<ColdStart>((resolve, reject) => {
    let message: { ok: boolean; error?: string; result?: unknown; importMs: number; invokeMs: number } | undefined;
    let wallMs = 0;
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.on('message', (value) => {
      wallMs = Number(process.hrtime.bigint() - spawned) / 1e6;
      message = value as typeof message;
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new BenchError(`cold start of ${bundle} could not run`, { cause: error }));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!message) {
        reject(new BenchError(`cold start of ${bundle} exited (${signal ?? code}) without a result: ${stderr}`));
      } else if (!message.ok) {
        reject(new BenchError(`cold start of ${bundle}: the handler failed: ${message.error}`));
      } else {
        resolve({ importMs: message.importMs, invokeMs: message.invokeMs, wallMs, result: message.result });
      }
    });
  });
}
