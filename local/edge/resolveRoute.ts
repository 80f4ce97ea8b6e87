import { TARGET_PREFIXES } from './constants.js';
import type { EdgeRequest, EdgeService } from './types.js';

/** Where a request goes: a service and, for JSON protocols, its operation. */
export type Route =
  | { readonly kind: 'service'; readonly service: EdgeService; readonly operation?: string }
  | { readonly kind: 'unknownTarget'; readonly target: string }
  | { readonly kind: 'queryProtocol'; readonly action?: string };

/**
 * Routes by `X-Amz-Target` prefix (`AmazonSQS.`, `AWSEvents.`, `secretsmanager.`,
 * `DynamoDB_20120810.`); a form-encoded POST is the AWS query protocol, which is not emulated;
 * everything else is S3 (path-style REST).
 */
export const resolveRoute = (request: EdgeRequest, body: Buffer): Route => {
  const target = request.headers['x-amz-target'];
  if (typeof target === 'string' && target !== '') {
    const dot = target.indexOf('.');
    const service = dot === -1 ? undefined : TARGET_PREFIXES[target.slice(0, dot)];
    return service ? { kind: 'service', service, operation: target.slice(dot + 1) } : { kind: 'unknownTarget', target };
  }
  const contentType = String(request.headers['content-type'] ?? '');
  if ((request.method ?? '').toUpperCase() === 'POST' && contentType.startsWith('application/x-www-form-urlencoded')) {
    const action = /(?:^|&)Action=([^&]*)/.exec(body.toString('latin1'))?.[1];
    return { kind: 'queryProtocol', action };
  }
  return { kind: 'service', service: 's3' };
};
