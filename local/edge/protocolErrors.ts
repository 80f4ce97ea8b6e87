import { randomBytes, randomUUID } from 'node:crypto';
import type { AuthorizationCheck } from '../iam/index.js';
import { JSON_CONTENT_TYPES } from './constants.js';
import type { Caller, EdgeService, FaultKind, ServiceResponse } from './types.js';

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An error in a JSON protocol's shape: `{"__type": …, "message": …}`. SQS is `awsQueryCompatible`:
 * the AWS SDK v3 takes the error name from `x-amzn-query-error: <Code>;<Sender|Receiver>` first, so
 * SQS errors carry that header too.
 *
 * @see https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html#operation-error-serialization
 * @see https://smithy.io/2.0/aws/protocols/aws-query-protocol.html#aws-protocols-awsquerycompatible-trait
 */
export const jsonErrorResponse = (
  service: Exclude<EdgeService, 's3'>,
  type: string,
  message: string,
  status: number,
  queryCode?: string,
): ServiceResponse => {
  const headers: Record<string, string> = {
    'content-type': JSON_CONTENT_TYPES[service],
    'x-amzn-requestid': randomUUID(),
  };
  if (service === 'sqs') headers['x-amzn-query-error'] = `${queryCode ?? type};${status >= 500 ? 'Receiver' : 'Sender'}`;
  return { status, headers, body: JSON.stringify({ __type: type, message }) };
};

/**
 * An S3 error document (no body for HEAD, as S3 sends none).
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#RESTErrorResponses
 */
export const s3ErrorResponse = (
  code: string,
  message: string,
  status: number,
  method: string | undefined,
): ServiceResponse => {
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  const hostId = randomBytes(48).toString('base64');
  const headers = { 'content-type': 'application/xml', 'x-amz-request-id': requestId, 'x-amz-id-2': hostId };
  if ((method ?? '').toUpperCase() === 'HEAD') return { status, headers, body: '' };
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>` +
    `<RequestId>${requestId}</RequestId><HostId>${hostId}</HostId></Error>`;
  return { status, headers, body };
};

/** The assumed-role session ARN AWS names in an AccessDenied message for a Lambda function. */
export const principalArn = (caller: Caller, accountId: string): string =>
  `arn:aws:sts::${accountId}:assumed-role/${caller.roleName}/${caller.functionName}`;

/**
 * The answer AWS gives when identity-based policies deny a call, per protocol:
 * - DynamoDB, EventBridge, Secrets Manager: 400 `AccessDeniedException`;
 * - SQS: 403 with `x-amzn-query-error: AccessDenied;Sender` — the v3 SDK's `err.name` is
 *   `AccessDenied`, as boto3's error code is, and SQS writes the action in lower case
 *   (`sqs:sendmessage`);
 * - S3: 403 XML `AccessDenied`, the resource in quotes.
 * The message names the principal, the action and the resource, and says whether no policy allowed
 * it or an explicit Deny matched.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html#access-denied-error-examples
 */
export const accessDeniedResponse = (
  service: EdgeService,
  caller: Caller,
  check: AuthorizationCheck,
  explicit: boolean,
  accountId: string,
  method: string | undefined,
): ServiceResponse => {
  const action = service === 'sqs' ? check.action.toLowerCase() : check.action;
  const resource = service === 's3' ? `"${check.resource}"` : check.resource;
  const reason = explicit
    ? 'with an explicit deny in an identity-based policy'
    : `because no identity-based policy allows the ${action} action`;
  const message = `User: ${principalArn(caller, accountId)} is not authorized to perform: ${action} on resource: ${resource} ${reason}`;
  switch (service) {
    case 's3':
      return s3ErrorResponse('AccessDenied', message, 403, method);
    case 'sqs':
      return jsonErrorResponse('sqs', 'com.amazon.coral.service#AccessDeniedException', message, 403, 'AccessDenied');
    case 'dynamodb':
      return jsonErrorResponse('dynamodb', 'com.amazon.coral.service#AccessDeniedException', message, 400);
    default:
      return jsonErrorResponse(service, 'AccessDeniedException', message, 400);
  }
};

/**
 * The answer of a service under an injected `fail` fault: 503 ServiceUnavailable or 500
 * InternalFailure (S3: InternalError) in the service's protocol. Both are retryable server errors
 * for the SDK's standard retry strategy.
 */
export const faultResponse = (service: EdgeService, kind: FaultKind, method: string | undefined): ServiceResponse => {
  const status = kind === 'unavailable' ? 503 : 500;
  const message = `local fault injection: ${service} is failing on purpose (${kind})`;
  if (service === 's3') return s3ErrorResponse(kind === 'unavailable' ? 'ServiceUnavailable' : 'InternalError', message, status, method);
  return jsonErrorResponse(service, kind === 'unavailable' ? 'ServiceUnavailable' : 'InternalFailure', message, status);
};
