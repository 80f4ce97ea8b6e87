import {
  type AuthorizationCheck,
  dynamoDbChecks,
  evaluatePolicies,
  eventsChecks,
  type JsonBody,
  type MappingContext,
  readJsonBody,
  s3Checks,
  secretsChecks,
  sqsChecks,
  UnmappableRequestError,
} from '../iam/index.js';
import type { Caller, EdgeRequest, EdgeService } from './types.js';

/** The first check policies deny, and whether a Deny statement matched. */
export interface Denial {
  readonly check: AuthorizationCheck;
  readonly explicit: boolean;
}

const JSON_MAPPERS: Readonly<
  Record<Exclude<EdgeService, 's3'>, (operation: string, body: JsonBody, ctx: MappingContext) => AuthorizationCheck[]>
> = {
  sqs: sqsChecks,
  events: eventsChecks,
  secretsmanager: secretsChecks,
  dynamodb: dynamoDbChecks,
};

const parseOrEmpty = (body: Buffer): JsonBody | undefined => {
  try {
    return readJsonBody(body);
  } catch (error) {
    if (error instanceof UnmappableRequestError) return undefined;
    throw error;
  }
};

/** The (action, resource) checks of one routed request. */
export const checksFor = (
  service: EdgeService,
  operation: string | undefined,
  request: EdgeRequest,
  body: Buffer,
  ctx: MappingContext,
): AuthorizationCheck[] => {
  if (service === 's3') return s3Checks({ method: request.method ?? 'GET', url: request.url ?? '/' }, ctx);
  const parsed = parseOrEmpty(body);
  // An unreadable body still needs the action allowed on some resource; the service rejects the body.
  if (parsed === undefined) return [{ action: `${service}:${operation ?? ''}`, resource: '*' }];
  return JSON_MAPPERS[service](operation ?? '', parsed, ctx);
};

/**
 * Evaluates a caller's role policies for every check of a request; the first denied check is
 * returned, `undefined` when all are allowed.
 */
export const authorize = (caller: Caller, checks: readonly AuthorizationCheck[]): Denial | undefined => {
  for (const check of checks) {
    const { decision } = evaluatePolicies(caller.policies, check);
    if (decision !== 'allow') return { check, explicit: decision === 'explicitDeny' };
  }
  return undefined;
};
