export { authorize, checksFor, type Denial } from './authorize.js';
export { DEFAULT_EDGE_HOST, DEFAULT_EDGE_PORT, TARGET_PREFIXES } from './constants.js';
export { EdgeServer } from './EdgeServer.js';
export { EdgeError, EdgeListenError } from './errors.js';
export { extractAccessKeyId } from './extractAccessKeyId.js';
export { FaultInjector } from './FaultInjector.js';
export { accessDeniedResponse, faultResponse, jsonErrorResponse, principalArn, s3ErrorResponse } from './protocolErrors.js';
export { resolveRoute, type Route } from './resolveRoute.js';
export { type RunningDynalite, startDynalite, type StartDynaliteOptions } from './startDynalite.js';
export type {
  Caller,
  EdgeRequest,
  EdgeServerOptions,
  EdgeService,
  FaultKind,
  ServiceFaults,
  ServiceHandler,
  ServiceResponse,
} from './types.js';
