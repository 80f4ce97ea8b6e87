import { randomBytes, randomUUID } from 'node:crypto';
import { buildEnvironment, logGroupName } from './buildEnvironment.js';
import {
  CPU_PROFILE_WRITE_TIMEOUT_MS,
  DEFAULT_MAX_CONCURRENCY,
  DEFAULT_MEMORY_SIZE_MB,
  DEFAULT_SHUTDOWN_GRACE_MS,
  DEFAULT_TIMEOUT_SECONDS,
  LOCAL_ACCOUNT_ID,
  LOCAL_DEFAULT_REGION,
} from './constants.js';
import { cpuProfileFile } from './cpuProfileFile.js';
import { RunnerShutDownError } from './errors.js';
import { FunctionWorker } from './FunctionWorker.js';
import { defaultLogSink } from './defaultLogSink.js';
import { prepareCpuProfileDir } from './prepareCpuProfileDir.js';
import { settleWithin } from './settleWithin.js';
import { resolveHandler } from './resolveHandler.js';
import type {
  InvocationResult,
  LambdaErrorPayload,
  LambdaFunctionConfig,
  LambdaLogEntry,
  LambdaLogSink,
  LambdaRunnerOptions,
  LambdaRunnerStats,
  ResolvedHandler,
} from './types.js';

/**
 * Runs one Lambda function locally, unchanged, from its asset directory.
 *
 * Each execution environment is a worker thread whose `process.env` holds only the function's
 * environment plus the variables the Lambda runtime defines. Environments are created on demand
 * (cold start: the handler module loads once), reused for later invocations (warm: module state
 * such as SDK clients survives) and serve one invocation at a time, up to the function's
 * concurrency; further invocations wait for a free environment. A timed-out or crashed
 * environment is terminated and replaced on the next invocation. With `cpuProfileDir`, each
 * environment profiles itself and writes its profile when the runner shuts down.
 *
 * @example
 * const runner = new LambdaRunner({ functionName: 'verifier', assetDir: 'cdk.out/asset.abc', handler: 'index.handler' });
 * const result = await runner.invoke({ rawPath: '/webhooks/github' });
 * await runner.shutdown();
 *
 * @throws BundleNotFoundError from the constructor when the asset directory or handler file is missing
 * @throws CpuProfileDirError from the constructor when `cpuProfileDir` cannot be created or written
 */
export class LambdaRunner {
  public readonly functionName: string;
  public readonly invokedFunctionArn: string;
  public readonly maxConcurrency: number;
  private readonly config: LambdaFunctionConfig;
  private readonly resolved: ResolvedHandler;
  private readonly timeoutSeconds: number;
  private readonly clockOffsetMs: number;
  private readonly logSink: LambdaLogSink;
  private readonly cpuProfileDir: string | undefined;
  private readonly idle: FunctionWorker[] = [];
  private readonly workers = new Set<FunctionWorker>();
  private readonly waiting: Array<() => void> = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private active = 0;
  private spawned = 0;
  private closed = false;
  private counters = { invocations: 0, errors: 0, timeouts: 0, coldStarts: 0 };

  public constructor(config: LambdaFunctionConfig, options: LambdaRunnerOptions = {}) {
    this.config = config;
    this.functionName = config.functionName;
    this.resolved = resolveHandler(config.functionName, config.assetDir, config.handler);
    this.timeoutSeconds = config.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    this.clockOffsetMs = options.clockOffsetMs ?? 0;
    this.logSink = options.logSink ?? defaultLogSink;
    this.cpuProfileDir = options.cpuProfileDir === undefined ? undefined : prepareCpuProfileDir(config.functionName, options.cpuProfileDir);
    this.maxConcurrency = Math.max(1, options.maxConcurrency ?? config.reservedConcurrency ?? DEFAULT_MAX_CONCURRENCY);
    const region = config.region ?? process.env.AWS_REGION ?? LOCAL_DEFAULT_REGION;
    this.invokedFunctionArn = `arn:aws:lambda:${region}:${config.accountId ?? LOCAL_ACCOUNT_ID}:function:${config.functionName}`;
  }

  /**
   * Invokes the function synchronously (`RequestResponse`). The event and the result cross a JSON
   * round trip, as on Lambda. Resolves with the handler's result or Lambda's error document;
   * rejects only if the runner has been shut down.
   */
  public async invoke(event: unknown): Promise<InvocationResult> {
    if (this.closed) throw new RunnerShutDownError(this.functionName);
    const eventJson = JSON.stringify(event) ?? 'null';
    const run = this.invokeOnWorker(eventJson);
    this.inFlight.add(run);
    try {
      return await run;
    } finally {
      this.inFlight.delete(run);
    }
  }

  /** Counters for the inspection API. */
  public stats(): LambdaRunnerStats {
    return {
      functionName: this.functionName,
      ...this.counters,
      active: this.active,
      queued: this.waiting.length,
      workers: this.workers.size,
      maxConcurrency: this.maxConcurrency,
    };
  }

  /**
   * Stops accepting invocations, waits up to `graceMs` for those in flight, has each profiled
   * worker write its CPU profile (each bounded by {@link CPU_PROFILE_WRITE_TIMEOUT_MS}; a profile
   * not written is reported as a PLATFORM line), then terminates every worker (invocations still
   * running fail with `Runtime.ExitError`).
   */
  public async shutdown(graceMs: number = DEFAULT_SHUTDOWN_GRACE_MS): Promise<void> {
    this.closed = true;
    await settleWithin(this.inFlight, graceMs);
    if (this.cpuProfileDir !== undefined) await this.writeCpuProfiles();
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
    this.workers.clear();
    this.idle.length = 0;
    for (const wake of this.waiting.splice(0)) wake();
  }

  private async writeCpuProfiles(): Promise<void> {
    const live = [...this.workers].filter((worker) => worker.alive);
    const outcomes = await Promise.all(live.map((worker) => worker.writeCpuProfile(CPU_PROFILE_WRITE_TIMEOUT_MS)));
    outcomes.forEach((outcome, i) => {
      if (!outcome.written) this.log('PLATFORM', `CPU profile of execution environment ${live[i]!.logStreamName} not written: ${outcome.reason.split('\n')[0]}`, undefined);
    });
  }

  private async invokeOnWorker(eventJson: string): Promise<InvocationResult> {
    await this.acquireSlot();
    const requestId = randomUUID();
    this.counters.invocations += 1;
    let worker: FunctionWorker | undefined;
    try {
      if (this.closed) {
        return this.failure(requestId, 0, false, { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: the runtime is shutting down`, trace: [] });
      }
      let coldStart = false;
      worker = this.idle.pop();
      if (!worker) {
        coldStart = true;
        this.counters.coldStarts += 1;
        worker = this.spawn();
        const initError = await worker.ready;
        if (initError) {
          await worker.terminate();
          return this.failure(requestId, 0, coldStart, initError);
        }
      }
      const started = performance.now();
      const outcome = await worker.run(requestId, eventJson, this.timeoutSeconds);
      const durationMs = performance.now() - started;
      if (outcome.ok) return { status: 'success', requestId, payload: outcome.payload, durationMs, coldStart };
      if (outcome.timedOut) this.counters.timeouts += 1;
      return this.failure(requestId, durationMs, coldStart, outcome.error);
    } finally {
      this.releaseSlot(worker);
    }
  }

  private failure(requestId: string, durationMs: number, coldStart: boolean, error: LambdaErrorPayload): InvocationResult {
    this.counters.errors += 1;
    return { status: 'error', requestId, durationMs, coldStart, error };
  }

  private spawn(): FunctionWorker {
    const logStreamName = newLogStreamName();
    this.spawned += 1;
    const worker = new FunctionWorker({
      resolved: this.resolved,
      taskRoot: this.config.assetDir,
      handlerString: this.config.handler,
      functionName: this.functionName,
      invokedFunctionArn: this.invokedFunctionArn,
      memoryLimitInMB: String(this.config.memorySizeMb ?? DEFAULT_MEMORY_SIZE_MB),
      logGroupName: logGroupName(this.functionName),
      logStreamName,
      clockOffsetMs: this.clockOffsetMs,
      ...(this.cpuProfileDir !== undefined ? { cpuProfileFile: cpuProfileFile(this.cpuProfileDir, this.functionName, this.spawned) } : {}),
      env: buildEnvironment(this.config, { logStreamName }),
      onLog: (level, message, requestId) => this.log(level, message, requestId),
      onExit: (exited) => this.forget(exited),
    });
    this.workers.add(worker);
    return worker;
  }

  /** Drops an exited worker from the pool (a crash after its invocation was answered). */
  private forget(worker: FunctionWorker): void {
    this.workers.delete(worker);
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
  }

  private log(level: LambdaLogEntry['level'], message: string, requestId: string | undefined): void {
    try {
      this.logSink({ functionName: this.functionName, level, message, timestamp: new Date(), ...(requestId ? { requestId } : {}) });
    } catch {
      // A failing sink must not take the function down with it.
    }
  }

  private acquireSlot(): Promise<void> {
    if (this.active < this.maxConcurrency) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiting.push(() => {
        this.active += 1;
        resolve();
      });
    });
  }

  private releaseSlot(worker: FunctionWorker | undefined): void {
    if (worker) {
      if (worker.alive && !this.closed) this.idle.push(worker);
      else {
        this.workers.delete(worker);
        if (worker.alive) void worker.terminate();
      }
    }
    this.active -= 1;
    const next = this.waiting.shift();
    if (next) next();
  }
}

/** `YYYY/MM/DD/[$LATEST]<32 hex>`, the shape of Lambda's log stream names. */
function newLogStreamName(): string {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}
