/**
 * Defaults of the local Lambda runtime, each taken from the AWS Lambda documentation.
 */

/**
 * Function timeout when the template sets none.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html (default 3 seconds)
 */
export const DEFAULT_TIMEOUT_SECONDS = 3;

/**
 * Memory size when the template sets none.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html (default 128 MB)
 */
export const DEFAULT_MEMORY_SIZE_MB = 128;

/**
 * Execution environments one function may run at once when it has no reserved concurrency.
 * AWS allows 1000 per account; a laptop runs far fewer worker threads, so the local default is small.
 */
export const DEFAULT_MAX_CONCURRENCY = 10;

/**
 * The Init phase of an execution environment is limited to 10 seconds.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html#runtimes-lifecycle-ib
 */
export const INIT_TIMEOUT_MS = 10_000;

/** Account id every local ARN carries (docs/local-runtime.md). */
export const LOCAL_ACCOUNT_ID = '000000000000';

/** Region when neither the function nor `AWS_REGION` names one (docs/local-runtime.md). */
export const LOCAL_DEFAULT_REGION = 'us-east-1';

/** `AWS_EXECUTION_ENV` of the Node.js runtime the stack deploys to (Node 20 locally). */
export const DEFAULT_EXECUTION_ENV = 'AWS_Lambda_nodejs20.x';

/** Where Lambda mounts a function's code; `LAMBDA_TASK_ROOT` points to the asset directory instead. */
export const LAMBDA_RUNTIME_DIR = '/var/runtime';

/** Extensions the Node.js runtime tries, in this order, for the module part of a handler string. */
export const HANDLER_EXTENSIONS = ['.js', '.mjs', '.cjs'] as const;

/** How long `shutdown()` waits for in-flight invocations before terminating their workers. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 2_000;

/**
 * Sampling interval of the execution environments' CPU profiles (`cpuProfileDir`), microseconds:
 * the default of `node --cpu-prof-interval`, so their profiles compare with the main thread's.
 */
export const CPU_PROFILE_SAMPLING_INTERVAL_US = 1_000;

/**
 * How long `shutdown()` waits for each execution environment to stop its profiler and write its
 * CPU profile before terminating it (a busy-looping handler never answers).
 */
export const CPU_PROFILE_WRITE_TIMEOUT_MS = 5_000;

/** Extension of the CPU profile files (the one Chrome DevTools and `node --cpu-prof` use). */
export const CPU_PROFILE_EXTENSION = '.cpuprofile';
