/** Static credentials a function's SDK clients sign with (each function gets its own access key id). */
export interface FunctionCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** @default - no `AWS_SESSION_TOKEN` */
  readonly sessionToken?: string;
}

/** A function as the template describes it, with intrinsics already resolved. */
export interface LambdaFunctionConfig {
  /** `FunctionName` (or the local name the template reader gave it). */
  readonly functionName: string;
  /** The asset directory holding the bundle (`cdk.out/asset.<hash>`). */
  readonly assetDir: string;
  /** `Handler`, e.g. `index.handler`: file (without extension) + exported name. */
  readonly handler: string;
  /** `Environment.Variables`, resolved. @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** `Timeout`. @default 3 */
  readonly timeoutSeconds?: number;
  /** `MemorySize`. @default 128 */
  readonly memorySizeMb?: number;
  /** `ReservedConcurrentExecutions`: caps this function's workers. @default - DEFAULT_MAX_CONCURRENCY */
  readonly reservedConcurrency?: number;
  /** @default - `AWS_REGION` of the host, else us-east-1 */
  readonly region?: string;
  /** @default '000000000000' */
  readonly accountId?: string;
  /** @default - dummy `LOCAL…` key pair derived from the function name */
  readonly credentials?: FunctionCredentials;
  /** `AWS_ENDPOINT_URL` the function's SDK clients talk to (the edge). @default - none set */
  readonly endpointUrl?: string;
  /** `AWS_EXECUTION_ENV`. @default 'AWS_Lambda_nodejs20.x' */
  readonly executionEnv?: string;
}

/** One line of a function's output, labelled with the function that wrote it. */
export interface LambdaLogEntry {
  readonly functionName: string;
  /** The invocation being served when the line was written; absent during init. */
  readonly requestId?: string;
  /** Lambda's log levels for `console.*`; `PLATFORM` for the runtime's own lines (timeouts, crashes). */
  readonly level: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'PLATFORM';
  readonly message: string;
  /** Wall-clock time (the real one, not NOW_OVERRIDE's) the line reached the runtime. */
  readonly timestamp: Date;
}

/** Receives every line a function writes; the runtime never writes function output to stdout itself. */
export type LambdaLogSink = (entry: LambdaLogEntry) => void;

/** The error document Lambda returns for a failed invocation (`X-Amz-Function-Error: Unhandled`). */
export interface LambdaErrorPayload {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace: readonly string[];
}

interface InvocationMeta {
  /** `context.awsRequestId`. */
  readonly requestId: string;
  /** Time spent in the handler (excludes init), milliseconds. */
  readonly durationMs: number;
  /** True when this invocation started a new execution environment. */
  readonly coldStart: boolean;
}

/** The handler returned (or called back with) a value; `payload` is it after a JSON round trip. */
export interface InvocationSuccess extends InvocationMeta {
  readonly status: 'success';
  readonly payload: unknown;
}

/** The handler threw, rejected, timed out, crashed its environment or failed to load. */
export interface InvocationFailure extends InvocationMeta {
  readonly status: 'error';
  readonly error: LambdaErrorPayload;
}

/** What `LambdaRunner.invoke` resolves to: Lambda's synchronous invocation outcome. */
export type InvocationResult = InvocationSuccess | InvocationFailure;

/** Counters of one function, for the inspection API. */
export interface LambdaRunnerStats {
  readonly functionName: string;
  readonly invocations: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly coldStarts: number;
  /** Invocations running now. */
  readonly active: number;
  /** Invocations waiting for a free execution environment. */
  readonly queued: number;
  /** Live workers (busy or idle). */
  readonly workers: number;
  readonly maxConcurrency: number;
}

/** Options of the runtime around a function, not part of the function's own configuration. */
export interface LambdaRunnerOptions {
  /** Where the function's output goes. @default - labelled lines on stderr */
  readonly logSink?: LambdaLogSink;
  /**
   * Milliseconds added to the worker's `Date` (see {@link clockOffsetFromNowOverride}).
   * @default 0
   */
  readonly clockOffsetMs?: number;
  /** Workers this function may run at once. @default - reservedConcurrency, else 10 */
  readonly maxConcurrency?: number;
  /**
   * Directory for CPU profiles of this function's execution environments. Each environment runs the
   * V8 profiler in its own thread from the moment its handler module has loaded (init is not
   * profiled) and, when `LambdaRunner.shutdown()` asks, writes
   * `<function name>-<n>.cpuprofile` (n counts the environments the runner started, from 1). An
   * environment terminated for a timeout, an init failure or a crash writes nothing. Created if
   * missing.
   * @default - not profiled (no profiler is loaded)
   */
  readonly cpuProfileDir?: string;
}

/** The bundle file a handler string points to, as the Node.js runtime would load it. */
export interface ResolvedHandler {
  /** Absolute path of the module file. */
  readonly file: string;
  /** How the runtime loads it: `require` (CommonJS) or `import()` (ES module). */
  readonly format: 'commonjs' | 'module';
  /** Property path of the handler in the module's exports (`handler`, or `a.b` → ['a', 'b']). */
  readonly exportPath: readonly string[];
}
