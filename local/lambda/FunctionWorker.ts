import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CPU_PROFILE_SAMPLING_INTERVAL_US, INIT_TIMEOUT_MS } from './constants.js';
import type { LambdaErrorPayload, LambdaLogEntry, ResolvedHandler } from './types.js';

const BOOTSTRAP = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker-bootstrap.mjs');

/** What the bootstrap needs besides the environment (see worker-bootstrap.mjs). */
export interface WorkerSpec {
  readonly resolved: ResolvedHandler;
  readonly taskRoot: string;
  readonly handlerString: string;
  readonly functionName: string;
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly clockOffsetMs: number;
  /** Where this environment writes its CPU profile when asked. @default - not profiled */
  readonly cpuProfileFile?: string;
  readonly env: Record<string, string>;
  readonly onLog: (level: LambdaLogEntry['level'], message: string, requestId: string | undefined) => void;
  /** Called once when the thread has exited, for whatever reason. */
  readonly onExit: (worker: FunctionWorker) => void;
}

/** Outcome of one invocation inside a worker, before the runner adds its metadata. */
export type WorkerOutcome =
  | { readonly ok: true; readonly payload: unknown }
  | { readonly ok: false; readonly error: LambdaErrorPayload; readonly timedOut: boolean };

/** Outcome of {@link FunctionWorker.writeCpuProfile}: the file written, or why there is none. */
export type CpuProfileOutcome = { readonly written: true; readonly file: string } | { readonly written: false; readonly reason: string };

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'init-error'; error: LambdaErrorPayload }
  | { type: 'result'; requestId: string; payloadJson: string }
  | { type: 'error'; requestId: string; error: LambdaErrorPayload }
  | { type: 'log'; level: LambdaLogEntry['level']; message: string }
  | { type: 'fatal'; error: LambdaErrorPayload }
  | { type: 'profile-written'; file: string }
  | { type: 'profile-error'; message: string };

interface Pending {
  readonly requestId: string;
  readonly resolve: (outcome: WorkerOutcome) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * One execution environment: a worker thread with the function's own `env`, serving one
 * invocation at a time. Module state survives between invocations (warm starts) until the worker
 * is terminated — after a timeout, a crash or an init failure, as Lambda discards such an
 * environment.
 */
export class FunctionWorker {
  /** Resolves when the handler module has loaded: undefined, or the init error. */
  public readonly ready: Promise<LambdaErrorPayload | undefined>;
  /** Log stream of this environment (`context.logStreamName`). */
  public readonly logStreamName: string;
  private readonly worker: Worker;
  private readonly spec: WorkerSpec;
  private pending: Pending | undefined;
  private profileWaiter: ((outcome: CpuProfileOutcome) => void) | undefined;
  private exited = false;
  private readonly exitedPromise: Promise<void>;

  public constructor(spec: WorkerSpec) {
    this.spec = spec;
    this.logStreamName = spec.logStreamName;
    this.worker = new Worker(BOOTSTRAP, {
      env: spec.env,
      // A clean thread: no loader or flag of the host process (vitest, tsx) leaks into the function.
      execArgv: [],
      stdout: true,
      stderr: true,
      workerData: {
        file: spec.resolved.file,
        format: spec.resolved.format,
        exportPath: spec.resolved.exportPath,
        taskRoot: spec.taskRoot,
        handlerString: spec.handlerString,
        functionName: spec.functionName,
        functionVersion: '$LATEST',
        invokedFunctionArn: spec.invokedFunctionArn,
        memoryLimitInMB: spec.memoryLimitInMB,
        logGroupName: spec.logGroupName,
        logStreamName: spec.logStreamName,
        clockOffsetMs: spec.clockOffsetMs,
        ...(spec.cpuProfileFile !== undefined ? { cpuProfile: { file: spec.cpuProfileFile, samplingIntervalUs: CPU_PROFILE_SAMPLING_INTERVAL_US } } : {}),
      },
    });
    this.forwardStream(this.worker.stdout, 'INFO');
    this.forwardStream(this.worker.stderr, 'ERROR');
    this.exitedPromise = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    void this.exitedPromise.then(() => spec.onExit(this));
    this.ready = new Promise((resolve) => {
      const timer = setTimeout(() => {
        resolve({ errorType: 'Runtime.InitTimeout', errorMessage: `Init phase exceeded ${INIT_TIMEOUT_MS / 1000} seconds`, trace: [] });
        void this.terminate();
      }, INIT_TIMEOUT_MS);
      const settleInit = (error: LambdaErrorPayload | undefined): void => {
        clearTimeout(timer);
        resolve(error);
      };
      this.worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') settleInit(undefined);
        else if (message.type === 'init-error') settleInit(message.error);
        else this.onMessage(message);
      });
      this.worker.on('error', (error: Error) => {
        const payload = { errorType: error.name, errorMessage: error.message, trace: error.stack?.split('\n') ?? [] };
        settleInit(payload);
        this.failPending(payload);
      });
      this.worker.on('exit', (code) => {
        this.exited = true;
        const payload = { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${this.pending?.requestId ?? '-'} Error: Runtime exited with error: exit status ${code}`, trace: [] };
        settleInit(payload);
        this.failPending(payload);
        this.settleProfile({ written: false, reason: `the environment exited (status ${code})` });
      });
    });
  }

  /** False once the thread has exited or been terminated. */
  public get alive(): boolean {
    return !this.exited;
  }

  /**
   * Runs one invocation. On timeout the worker is terminated — the runaway handler may still be
   * running — and the invocation fails like Lambda's `Task timed out after N seconds`.
   */
  public run(requestId: string, eventJson: string, timeoutSeconds: number): Promise<WorkerOutcome> {
    if (this.pending) throw new Error(`worker of ${this.spec.functionName} is busy with ${this.pending.requestId}`);
    if (this.exited) {
      return Promise.resolve({ ok: false, timedOut: false, error: { errorType: 'Runtime.ExitError', errorMessage: 'execution environment has exited', trace: [] } });
    }
    const timeoutMs = timeoutSeconds * 1000;
    return new Promise<WorkerOutcome>((resolve) => {
      const timer = setTimeout(() => {
        if (this.pending?.requestId !== requestId) return;
        this.pending = undefined;
        const message = `RequestId: ${requestId} Error: Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
        this.spec.onLog('PLATFORM', message, requestId);
        // Terminate before answering, so the slot is free only once the runaway code is gone.
        void this.terminate().then(() => resolve({ ok: false, timedOut: true, error: { errorType: 'Sandbox.Timedout', errorMessage: message, trace: [] } }));
      }, timeoutMs);
      this.pending = { requestId, resolve, timer };
      this.worker.postMessage({ type: 'invoke', requestId, eventJson, deadlineMs: Date.now() + timeoutMs });
    });
  }

  /**
   * Asks a profiled environment to stop its CPU profiler and write its profile, waiting at most
   * `timeoutMs` (a handler that never yields keeps the thread from answering). The profile holds
   * everything the thread ran since its handler module loaded.
   */
  public writeCpuProfile(timeoutMs: number): Promise<CpuProfileOutcome> {
    if (this.spec.cpuProfileFile === undefined) return Promise.resolve({ written: false, reason: 'the environment is not profiled' });
    if (this.exited) return Promise.resolve({ written: false, reason: 'the environment has exited' });
    if (this.profileWaiter) return Promise.resolve({ written: false, reason: 'a profile is already being written' });
    return new Promise<CpuProfileOutcome>((resolve) => {
      const timer = setTimeout(() => this.settleProfile({ written: false, reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
      this.profileWaiter = (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      };
      this.worker.postMessage({ type: 'write-profile' });
    });
  }

  /** Stops the thread (idempotent). */
  public async terminate(): Promise<void> {
    if (!this.exited) await this.worker.terminate();
    await this.exitedPromise;
  }

  private onMessage(message: WorkerMessage): void {
    switch (message.type) {
      case 'log':
        this.spec.onLog(message.level, message.message, this.pending?.requestId);
        return;
      case 'result':
        this.finish(message.requestId, { ok: true, payload: JSON.parse(message.payloadJson) as unknown });
        return;
      case 'error':
        this.finish(message.requestId, { ok: false, timedOut: false, error: message.error });
        return;
      case 'fatal':
        this.spec.onLog('PLATFORM', `execution environment crashed: ${message.error.errorType}: ${message.error.errorMessage}`, this.pending?.requestId);
        return;
      case 'profile-written':
        this.settleProfile({ written: true, file: message.file });
        return;
      case 'profile-error':
        this.settleProfile({ written: false, reason: message.message });
        return;
      default:
        return;
    }
  }

  private finish(requestId: string, outcome: WorkerOutcome): void {
    const pending = this.pending;
    if (!pending || pending.requestId !== requestId) return;
    clearTimeout(pending.timer);
    this.pending = undefined;
    pending.resolve(outcome);
  }

  private settleProfile(outcome: CpuProfileOutcome): void {
    const waiter = this.profileWaiter;
    this.profileWaiter = undefined;
    waiter?.(outcome);
  }

  private failPending(error: LambdaErrorPayload): void {
    if (this.pending) this.finish(this.pending.requestId, { ok: false, timedOut: false, error });
  }

  private forwardStream(stream: NodeJS.ReadableStream, level: LambdaLogEntry['level']): void {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffered += chunk;
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        this.spec.onLog(level, buffered.slice(0, newline), this.pending?.requestId);
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
      }
    });
    stream.on('end', () => {
      if (buffered !== '') this.spec.onLog(level, buffered, this.pending?.requestId);
      buffered = '';
    });
  }
}
