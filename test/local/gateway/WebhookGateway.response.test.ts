import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { GatewayErrorReport, HttpApiEventV2 } from '../../../local/gateway/index.js';
import { jsonOf, recordingRoute, send, startGateway, type StartedGateway } from '../../helpers/gateway/gatewayHarness.js';

describe('WebhookGateway — answers', () => {
  let started: StartedGateway | undefined;
  afterEach(async () => {
    await started?.close();
    started = undefined;
  });

  const answering = async (answer: (event: HttpApiEventV2) => unknown) => {
    started = await startGateway({ routes: [recordingRoute('ANY /webhooks/{source}', answer).route] });
    return send(started.url, { method: 'POST', path: '/webhooks/github', headers: { 'content-type': 'application/json' }, body: '{}' });
  };

  describe('mapping the function response', () => {
    it('uses statusCode, headers and body', async () => {
      // GIVEN a function answering like the verifier's 202
      // WHEN a webhook is posted
      const response = await answering(() => ({ statusCode: 202, headers: { 'Content-Type': 'application/json', 'X-Count': 3, 'X-Ok': true }, body: '{"id":"abc"}' }));
      // THEN the client gets that status, those headers and body
      expect(response.status).toBe(202);
      expect(response.headers).toMatchObject({ 'content-type': 'application/json', 'x-count': '3', 'x-ok': 'true' });
      expect(jsonOf(response)).toEqual({ id: 'abc' });
    });

    it('turns each cookie into its own set-cookie header', async () => {
      // GIVEN a function returning two cookies
      // WHEN it answers
      const response = await answering(() => ({ statusCode: 200, cookies: ['a=1; Path=/', 'b=2; HttpOnly'], body: '' }));
      // THEN two set-cookie headers arrive
      expect(response.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
    });

    it('decodes a base64 body with isBase64Encoded, byte for byte', async () => {
      // GIVEN a function returning random bytes base64-encoded
      const bytes = randomBytes(4096);
      // WHEN it answers
      const response = await answering(() => ({ statusCode: 200, headers: { 'content-type': 'application/octet-stream' }, body: bytes.toString('base64'), isBase64Encoded: true }));
      // THEN the client gets the raw bytes
      expect(response.body.equals(bytes)).toBe(true);
      expect(response.headers['content-length']).toBe('4096');
    });

    it('sends a UTF-8 body with multibyte characters intact', async () => {
      // GIVEN a function returning text with multibyte characters
      // WHEN it answers
      const response = await answering(() => ({ statusCode: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Zoë 東京 🎉' }));
      // THEN the body and its byte length are right
      expect(response.body.toString('utf8')).toBe('Zoë 東京 🎉');
      expect(response.headers['content-length']).toBe(String(Buffer.byteLength('Zoë 東京 🎉')));
    });

    it('sends an empty body when the response has none', async () => {
      // GIVEN a function returning only a status
      // WHEN it answers
      const response = await answering(() => ({ statusCode: 204 }));
      // THEN the status arrives with no body
      expect(response.status).toBe(204);
      expect(response.body.length).toBe(0);
    });

    it('infers 200 application/json for an object without statusCode', async () => {
      // GIVEN a function returning a plain object (even one with a body field)
      // WHEN it answers
      const response = await answering(() => ({ message: 'Hello from Lambda!', body: 'not used as the body' }));
      // THEN API Gateway's inference applies: the whole object is the JSON body
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json');
      expect(jsonOf(response)).toEqual({ message: 'Hello from Lambda!', body: 'not used as the body' });
    });

    it('infers 200 application/json for a string, sent as is', async () => {
      // GIVEN a function returning a string
      // WHEN it answers
      const response = await answering(() => 'Hello from Lambda!');
      // THEN the string is the body, not JSON-quoted
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json');
      expect(response.body.toString()).toBe('Hello from Lambda!');
    });

    it('drops multiValueHeaders, which payload format 2.0 does not have', async () => {
      // GIVEN a function returning a 1.0-style multiValueHeaders
      // WHEN it answers
      const response = await answering(() => ({ statusCode: 200, multiValueHeaders: { 'x-multi': ['a', 'b'] }, body: 'ok' }));
      // THEN the header is not sent
      expect(response.headers).not.toHaveProperty('x-multi');
    });
  });

  describe("API Gateway's own error answers", () => {
    it('answers 500 {"message":"Internal Server Error"} when the function throws, and reports why', async () => {
      // GIVEN a function that throws and an error listener
      const reports: GatewayErrorReport[] = [];
      started = await startGateway({
        routes: [{ routeKey: 'ANY /webhooks/{source}', invoke: async () => { throw new Error('boom'); } }],
        onError: (report) => reports.push(report),
      });
      // WHEN a webhook is posted
      const response = await send(started.url, { method: 'POST', path: '/webhooks/github', body: 'x' });
      // THEN the client sees API Gateway's generic 500 with a request id
      expect(response.status).toBe(500);
      expect(response.headers['content-type']).toBe('application/json');
      expect(jsonOf(response)).toEqual({ message: 'Internal Server Error' });
      // AND the listener learns the cause
      expect(reports).toEqual([{ requestId: response.headers['apigw-requestid'], routeKey: 'ANY /webhooks/{source}', status: 500, error: new Error('boom') }]);
    });

    it.each([
      ['a non-integer statusCode', { statusCode: '200', body: 'x' }, 'statusCode must be an integer from 100 to 599 (given "200")'],
      ['an out-of-range statusCode', { statusCode: 99 }, 'statusCode must be an integer from 100 to 599 (given 99)'],
      ['a non-string body', { statusCode: 200, body: { a: 1 } }, 'body must be a string (given object)'],
      ['an array header value', { statusCode: 200, headers: { 'x-a': ['1'] } }, 'header "x-a" must be a string, number or boolean'],
      ['cookies that are not strings', { statusCode: 200, cookies: [1] }, 'cookies must be an array of strings'],
      ['a header value with a newline', { statusCode: 200, headers: { 'x-a': 'a\nb' } }, 'header "x-a" is not a valid HTTP header'],
    ])('answers 500 for a malformed response: %s', async (_name, answer, problem) => {
      // GIVEN a function returning a malformed proxy response
      const reports: GatewayErrorReport[] = [];
      started = await startGateway({ routes: [recordingRoute('$default', () => answer).route], onError: (r) => reports.push(r) });
      // WHEN a request arrives
      const response = await send(started.url, { path: '/' });
      // THEN the client gets the generic 500 and the report names the problem
      expect(response.status).toBe(500);
      expect(jsonOf(response)).toEqual({ message: 'Internal Server Error' });
      expect((reports[0]?.error as Error).message).toContain(`malformed Lambda proxy response: ${problem}`);
    });

    it('answers 503 {"message":"Service Unavailable"} when the integration times out', async () => {
      // GIVEN a function slower than its route's integration timeout
      const reports: GatewayErrorReport[] = [];
      let finish: (() => void) | undefined;
      started = await startGateway({
        routes: [{ routeKey: '$default', timeoutMs: 150, invoke: () => new Promise((resolve) => { finish = () => resolve({ statusCode: 200 }); }) }],
        onError: (r) => reports.push(r),
      });
      // WHEN a request arrives
      const t0 = Date.now();
      const response = await send(started.url, { path: '/' });
      finish?.();
      // THEN API Gateway's timeout answer arrives after the timeout
      expect(response.status).toBe(503);
      expect(jsonOf(response)).toEqual({ message: 'Service Unavailable' });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
      expect((reports[0]?.error as Error).message).toBe('the integration of route "$default" did not answer within 150 ms');
    });

    it('answers 404 {"message":"Not Found"} when no route matches', async () => {
      // GIVEN a gateway without $default
      started = await startGateway({ routes: [recordingRoute('ANY /webhooks/github').route] });
      // WHEN another path is requested
      const response = await send(started.url, { method: 'POST', path: '/webhooks/gitlab' });
      // THEN API Gateway's 404 arrives with a request id
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toBe('application/json');
      expect(response.headers['apigw-requestid']).toMatch(/=$/);
      expect(jsonOf(response)).toEqual({ message: 'Not Found' });
    });
  });

  describe('the 10 MB payload limit', () => {
    const limit = 10 * 1024 * 1024;

    it('accepts a body of exactly 10 MB', async () => {
      // GIVEN a gateway whose function reports the body size it got
      started = await startGateway({ routes: [recordingRoute('$default', (e) => ({ statusCode: 200, body: String(Buffer.from(e.body ?? '', 'base64').length) })).route] });
      // WHEN exactly 10 MB are posted
      const response = await send(started.url, { method: 'POST', path: '/', body: Buffer.alloc(limit, 1) });
      // THEN the whole body reaches the function
      expect(response.status).toBe(200);
      expect(response.body.toString()).toBe(String(limit));
    });

    it('answers 413 {"message":"Request Entity Too Large"} for a declared length over 10 MB, without invoking', async () => {
      // GIVEN a gateway
      const recorder = recordingRoute('$default');
      started = await startGateway({ routes: [recorder.route] });
      // WHEN 10 MB + 1 byte are posted with content-length
      const response = await send(started.url, { method: 'POST', path: '/', body: Buffer.alloc(limit + 1) });
      // THEN API Gateway's 413 arrives and the function never ran
      expect(response.status).toBe(413);
      expect(jsonOf(response)).toEqual({ message: 'Request Entity Too Large' });
      expect(response.headers.connection).toBe('close');
      expect(recorder.events).toHaveLength(0);
    });

    it('answers 413 for a chunked body that grows past the limit', async () => {
      // GIVEN a gateway with a small limit
      const recorder = recordingRoute('$default');
      started = await startGateway({ routes: [recorder.route], maxPayloadBytes: 1000 });
      // WHEN a chunked body crosses it
      const response = await send(started.url, { method: 'POST', path: '/', chunks: [Buffer.alloc(600), Buffer.alloc(600), Buffer.alloc(600)] });
      // THEN 413 arrives and the function never ran
      expect(response.status).toBe(413);
      expect(recorder.events).toHaveLength(0);
    });
  });

  describe('extra handlers', () => {
    it('serves the runtime paths before routes, with the request body', async () => {
      // GIVEN a catch-all route and two extra handlers
      const recorder = recordingRoute('ANY /{proxy+}');
      const faults: string[] = [];
      started = await startGateway({
        routes: [recorder.route],
        extraHandlers: [
          { method: 'GET', path: '/_local/state', handle: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"queues":[]}' }) },
          { method: 'POST', path: '/_local/faults', handle: (_req, body) => { faults.push(body.toString()); return { status: 204 }; } },
        ],
      });
      // WHEN both are called, the state one with a query string
      const state = await send(started.url, { path: '/_local/state?verbose=1' });
      const fault = await send(started.url, { method: 'POST', path: '/_local/faults', body: '{"service":"events"}' });
      // THEN the handlers answered and no function ran
      expect(state.status).toBe(200);
      expect(jsonOf(state)).toEqual({ queues: [] });
      expect(fault.status).toBe(204);
      expect(faults).toEqual(['{"service":"events"}']);
      expect(recorder.events).toHaveLength(0);
    });

    it('routes another method on an extra path to the routes', async () => {
      // GIVEN a GET extra handler and a catch-all route
      const recorder = recordingRoute('ANY /{proxy+}');
      started = await startGateway({ routes: [recorder.route], extraHandlers: [{ method: 'GET', path: '/_local/state', handle: () => ({ status: 200 }) }] });
      // WHEN the path is POSTed
      const response = await send(started.url, { method: 'POST', path: '/_local/state' });
      // THEN the route answered
      expect(response.body.toString()).toBe('ANY /{proxy+}');
      expect(recorder.events).toHaveLength(1);
    });

    it('answers 500 when an extra handler throws', async () => {
      // GIVEN a failing extra handler
      started = await startGateway({ routes: [], extraHandlers: [{ method: 'GET', path: '/_local/state', handle: () => { throw new Error('no state'); } }] });
      // WHEN it is called
      const response = await send(started.url, { path: '/_local/state' });
      // THEN the generic 500 arrives
      expect(response.status).toBe(500);
      expect(jsonOf(response)).toEqual({ message: 'Internal Server Error' });
    });
  });

  it('answers HEAD without a body', async () => {
    // GIVEN an ANY route
    started = await startGateway({ routes: [recordingRoute('ANY /x', () => ({ statusCode: 200, body: 'hello' })).route] });
    // WHEN HEAD is requested
    const response = await send(started.url, { method: 'HEAD', path: '/x' });
    // THEN the headers describe the body, which is not sent
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe('5');
    expect(response.body.length).toBe(0);
  });
});
