export { LambdaRunner } from './LambdaRunner.js';
export { resolveHandler } from './resolveHandler.js';
export { buildEnvironment, logGroupName } from './buildEnvironment.js';
export { clockOffsetFromNowOverride } from './clockOffsetFromNowOverride.js';
export { defaultLogSink } from './defaultLogSink.js';
export { settleWithin } from './settleWithin.js';
export { BundleNotFoundError, CpuProfileDirError, InvalidHandlerError, InvalidNowOverrideError, LocalLambdaError, RunnerShutDownError } from './errors.js';
export {
  DEFAULT_MAX_CONCURRENCY,
  DEFAULT_MEMORY_SIZE_MB,
  DEFAULT_TIMEOUT_SECONDS,
} from './constants.js';
export type {
  FunctionCredentials,
  InvocationFailure,
  InvocationResult,
  InvocationSuccess,
  LambdaErrorPayload,
  LambdaFunctionConfig,
  LambdaLogEntry,
  LambdaLogSink,
  LambdaRunnerOptions,
  LambdaRunnerStats,
  ResolvedHandler,
} from './types.js';
