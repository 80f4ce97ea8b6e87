import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { VerifierHandler } from '../../../lambdas/verifier/handler.js';
import { apiEvent } from '../verifier/api-event.js';
import type { FakeAws } from '../verifier/fake-aws.js';
import type { FuzzRequest } from './buildRequest.js';
import { captureOutput } from './captureOutput.js';
import type { Observation } from './checks.js';

/**
 * The API Gateway (payload 2.0) event of a fuzzed request. Header names keep the case they were
 * generated with (the handler must not rely on API Gateway lower-casing them); a name repeated
 * exactly is joined with commas, as API Gateway joins repeated headers.
 */
export function toApiEvent(request: FuzzRequest, requestId: string): APIGatewayProxyEventV2 {
  const event = apiEvent({ method: request.method, rawPath: request.rawPath, rawQueryString: request.rawQueryString, requestId });
  // A Map, then own properties: names such as `constructor` or `__proto__` stay plain header names.
  const headers = new Map<string, string>();
  for (const [name, value] of request.headers) headers.set(name, headers.has(name) ? `${headers.get(name)!},${value}` : value);
  event.headers = Object.fromEntries(headers);
  if (typeof request.transport === 'object') {
    event.body = request.transport.invalidBase64;
    event.isBase64Encoded = true;
  } else {
    event.body = request.transport === 'base64' ? request.body.toString('base64') : request.body.toString('utf8');
    event.isBase64Encoded = request.transport === 'base64';
  }
  return event;
}

/** The answer of a call, as the checks read it. */
export type Answer = NonNullable<Observation['answer']>;

/**
 * Runs `send` with log capture and records what reached the fake AWS during it: PutEvents entries
 * and claim-check objects (the fake's records are cleared first). A throw is recorded, not propagated, so the property can report it.
 */
export async function observe(fake: FakeAws, send: () => Promise<Answer>): Promise<Observation> {
  // Reset per request: keeps a 100,000-case run's memory flat, and an overwritten content-addressed
  // object (same body twice) still counts as written.
  fake.entries.length = 0;
  fake.objects.clear();
  const { result, lines } = await captureOutput(async () => {
    try {
      return { answer: await send() };
    } catch (thrown) {
      return { thrown: thrown ?? new Error('undefined was thrown') };
    }
  });
  return { ...result, events: [...fake.entries], objects: fake.objects.size, lines };
}

/** Invokes the handler in-process with the request's event. */
export function invokeDirect(handler: VerifierHandler, request: FuzzRequest, requestId: string): () => Promise<Answer> {
  return async () => {
    const result = await handler(toApiEvent(request, requestId));
    const contentType = result.headers?.['content-type'];
    return { status: result.statusCode ?? 200, contentType: contentType === undefined ? undefined : String(contentType), body: result.body ?? '' };
  };
}
