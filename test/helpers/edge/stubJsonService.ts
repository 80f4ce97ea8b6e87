import type { EdgeRequest, ServiceHandler } from '../../../local/edge/index.js';

/** One request a stub service saw. */
export interface SeenRequest {
  readonly target: string;
  readonly body: unknown;
}

/**
 * A stand-in JSON-protocol service for routing tests: records what reaches it and answers each
 * operation with a fixed output.
 */
export const stubJsonService = (
  contentType: string,
  outputs: Readonly<Record<string, unknown>>,
): { handler: ServiceHandler; seen: SeenRequest[] } => {
  const seen: SeenRequest[] = [];
  const handler: ServiceHandler = (request: EdgeRequest, body: Buffer) => {
    const target = String(request.headers['x-amz-target'] ?? '');
    seen.push({ target, body: JSON.parse(body.toString() || '{}') as unknown });
    const operation = target.slice(target.indexOf('.') + 1);
    return Promise.resolve({ status: 200, headers: { 'content-type': contentType }, body: JSON.stringify(outputs[operation] ?? {}) });
  };
  return { handler, seen };
};
