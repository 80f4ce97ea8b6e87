/**
 * The local runtime: runs a synthesized CDK stack on one machine (see docs/local-runtime.md).
 */
export { startLocalRuntime } from './startLocalRuntime.js';
export { synthesize, isAssemblyFresh, type SynthesizeInput, type SynthesizeResult } from './synthesize.js';
export { functionAccessKeyId } from './functionAccessKeyId.js';
export { SqsQueuePortAdapter } from './SqsQueuePortAdapter.js';
export { parseFaultRequest, applyFault, type FaultRequest } from './applyFault.js';
export { FAULTS_PATH, READY_LINE_PREFIX, STATE_PATH } from './constants.js';
export {
  FunctionInvocationError,
  InvalidFaultRequestError,
  LocalRuntimeError,
  MissingBundleError,
  PortInUseError,
  ResourceSetupError,
  SynthesisError,
} from './errors.js';
export type {
  ConsumerState,
  InspectionState,
  LocalRuntime,
  LocalRuntimeOptions,
  LocalSettings,
  QueueState,
  ReadyInfo,
  RuntimeIo,
  SourceState,
} from './types.js';
