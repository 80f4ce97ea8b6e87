import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingRoute, send, startGateway, type StartedGateway } from '../../helpers/gateway/gatewayHarness.js';

describe('WebhookGateway — the payload format 2.0 event', () => {
  let started: StartedGateway | undefined;
  afterEach(async () => {
    await started?.close();
    started = undefined;
  });

  const startWith = async (routeKey = 'ANY /webhooks/{source}') => {
    const recorder = recordingRoute(routeKey);
    started = await startGateway({ routes: [recorder.route], apiId: 'abc123', domainName: 'hooks.local:3000' });
    return recorder;
  };

  it('carries the documented top-level fields and requestContext', async () => {
    // GIVEN a gateway with one route
    const recorder = await startWith();
    const before = Date.now();
    // WHEN a JSON webhook is posted
    const response = await send(started!.url, {
      method: 'POST',
      path: '/webhooks/github?delivery=1',
      headers: { 'content-type': 'application/json', 'user-agent': 'GitHub-Hookshot/abc' },
      body: '{"zen":"ok"}',
    });
    // THEN the function received a v2.0 event shaped as AWS documents it
    expect(response.status).toBe(200);
    const event = recorder.events[0]!;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'ANY /webhooks/{source}',
      rawPath: '/webhooks/github',
      rawQueryString: 'delivery=1',
      queryStringParameters: { delivery: '1' },
      pathParameters: { source: 'github' },
      body: '{"zen":"ok"}',
      isBase64Encoded: false,
      requestContext: {
        accountId: '000000000000',
        apiId: 'abc123',
        domainName: 'hooks.local:3000',
        domainPrefix: 'hooks',
        http: { method: 'POST', path: '/webhooks/github', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'GitHub-Hookshot/abc' },
        routeKey: 'ANY /webhooks/{source}',
        stage: '$default',
      },
    });
    expect(event).not.toHaveProperty('stageVariables');
    expect(event).not.toHaveProperty('cookies');
    expect(event.requestContext.timeEpoch).toBeGreaterThanOrEqual(before);
    expect(event.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    // AND the request id is the one answered in apigw-requestid
    expect(event.requestContext.requestId).toMatch(/^[A-Za-z0-9+/]{15}=$/);
    expect(response.headers['apigw-requestid']).toBe(event.requestContext.requestId);
  });

  it('formats requestContext.time from the clock in CLF style', async () => {
    // GIVEN a gateway whose clock is fixed
    const recorder = recordingRoute('$default');
    started = await startGateway({ routes: [recorder.route], now: () => Date.UTC(2020, 2, 12, 19, 3, 58, 390) });
    // WHEN a request arrives
    await send(started.url, { path: '/' });
    // THEN time and timeEpoch come from that clock
    expect(recorder.events[0]?.requestContext).toMatchObject({ time: '12/Mar/2020:19:03:58 +0000', timeEpoch: 1584039838390 });
  });

  it('defaults domainName to the address the gateway listens on', async () => {
    // GIVEN a gateway without a configured domain name
    const recorder = recordingRoute('$default');
    started = await startGateway({ routes: [recorder.route] });
    // WHEN a request arrives
    await send(started.url, { path: '/' });
    // THEN domainName is host:actual port
    expect(recorder.events[0]?.requestContext.domainName).toBe(`127.0.0.1:${started.port}`);
  });

  it('leaves body, queryStringParameters and pathParameters out when the request has none', async () => {
    // GIVEN a static route
    const recorder = await startWith('GET /health');
    // WHEN a bare GET arrives
    await send(started!.url, { path: '/health' });
    // THEN the optional fields are absent and the body is not base64
    const event = recorder.events[0]!;
    expect(event).not.toHaveProperty('body');
    expect(event).not.toHaveProperty('queryStringParameters');
    expect(event).not.toHaveProperty('pathParameters');
    expect(event.rawQueryString).toBe('');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('lowercases header names and joins repeated headers with commas', async () => {
    // GIVEN a gateway
    const recorder = await startWith();
    // WHEN a request repeats a header and uses mixed case
    await send(started!.url, { method: 'POST', path: '/webhooks/x', headers: { 'X-Multi': ['a', 'b', 'c'], 'X-GitHub-Event': 'push' } });
    // THEN names are lowercase and values comma-joined
    const { headers } = recorder.events[0]!;
    expect(headers['x-multi']).toBe('a,b,c');
    expect(headers['x-github-event']).toBe('push');
    expect(Object.keys(headers).every((name) => name === name.toLowerCase())).toBe(true);
  });

  it('adds the forwarding and trace headers API Gateway adds', async () => {
    // GIVEN a gateway
    const recorder = await startWith();
    // WHEN a request arrives
    await send(started!.url, { method: 'POST', path: '/webhooks/x' });
    // THEN x-forwarded-* and an X-Ray trace id are present
    expect(recorder.events[0]?.headers).toMatchObject({
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-port': String(started!.port),
      'x-forwarded-proto': 'http',
      'x-amzn-trace-id': expect.stringMatching(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/),
    });
  });

  it('moves cookie headers to cookies, one entry per cookie', async () => {
    // GIVEN a gateway
    const recorder = await startWith();
    // WHEN two cookie headers arrive
    await send(started!.url, { path: '/webhooks/x', headers: { cookie: ['a=1; b=2', 'c=3'] } });
    // THEN cookies lists each cookie and headers has no cookie
    expect(recorder.events[0]?.cookies).toEqual(['a=1', 'b=2', 'c=3']);
    expect(recorder.events[0]?.headers).not.toHaveProperty('cookie');
  });

  it('keeps the raw query string and decodes parameters, joining repeats with commas', async () => {
    // GIVEN a gateway
    const recorder = await startWith();
    // WHEN a query string repeats a name, encodes characters and has a flag without value
    await send(started!.url, { path: '/webhooks/x?parameter1=value1&parameter1=value2&parameter2=a%20b%26c&flag' });
    // THEN rawQueryString is untouched and the parameters are decoded
    const event = recorder.events[0]!;
    expect(event.rawQueryString).toBe('parameter1=value1&parameter1=value2&parameter2=a%20b%26c&flag');
    expect(event.queryStringParameters).toEqual({ parameter1: 'value1,value2', parameter2: 'a b&c', flag: '' });
  });

  it('keeps rawPath as received', async () => {
    // GIVEN a catch-all route
    const recorder = await startWith('ANY /{proxy+}');
    // WHEN the path has percent-encoded characters
    await send(started!.url, { path: '/a%2Fb/c%20d' });
    // THEN rawPath is not decoded, pathParameters are
    expect(recorder.events[0]).toMatchObject({ rawPath: '/a%2Fb/c%20d', pathParameters: { proxy: 'a/b/c d' } });
  });

  describe('the body', () => {
    it('round-trips random bytes exactly through base64', async () => {
      // GIVEN a gateway and 64 KiB of random bytes
      const recorder = await startWith();
      const bytes = randomBytes(64 * 1024);
      // WHEN they are posted as octet-stream
      await send(started!.url, { method: 'POST', path: '/webhooks/x', headers: { 'content-type': 'application/octet-stream' }, body: bytes });
      // THEN the function gets them base64-encoded, byte for byte
      const event = recorder.events[0]!;
      expect(event.isBase64Encoded).toBe(true);
      expect(Buffer.from(event.body!, 'base64').equals(bytes)).toBe(true);
    });

    it('passes a UTF-8 JSON body with multibyte characters as the same string', async () => {
      // GIVEN a gateway and a JSON body with multibyte characters (and a BOM-free emoji)
      const recorder = await startWith();
      const json = '{"name":"Zoë","city":"東京","emoji":"🎉"}';
      // WHEN it is posted as application/json with a charset parameter
      await send(started!.url, { method: 'POST', path: '/webhooks/x', headers: { 'content-type': 'application/json; charset=utf-8' }, body: Buffer.from(json, 'utf8') });
      // THEN the body is that string, not base64, and encodes back to the same bytes
      const event = recorder.events[0]!;
      expect(event.isBase64Encoded).toBe(false);
      expect(event.body).toBe(json);
      expect(Buffer.from(event.body!, 'utf8').equals(Buffer.from(json, 'utf8'))).toBe(true);
    });

    it('base64-encodes a form-encoded body, as HTTP API does', async () => {
      // GIVEN a gateway and a Slack-style form body
      const recorder = await startWith();
      const form = 'payload=%7B%22type%22%3A%22block_actions%22%7D&token=a+b';
      // WHEN it is posted as application/x-www-form-urlencoded
      await send(started!.url, { method: 'POST', path: '/webhooks/slack', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
      // THEN it arrives base64 and decodes to the exact bytes
      const event = recorder.events[0]!;
      expect(event.isBase64Encoded).toBe(true);
      expect(Buffer.from(event.body!, 'base64').toString('latin1')).toBe(form);
    });

    it('base64-encodes a body without content type', async () => {
      // GIVEN a gateway
      const recorder = await startWith();
      // WHEN a body arrives without content-type
      await send(started!.url, { method: 'POST', path: '/webhooks/x', body: 'plain' });
      // THEN it is base64
      expect(recorder.events[0]).toMatchObject({ isBase64Encoded: true, body: Buffer.from('plain').toString('base64') });
    });

    it('base64-encodes a text body whose bytes are not valid UTF-8, so they still round-trip', async () => {
      // GIVEN a gateway and Latin-1 bytes labelled text/plain
      const recorder = await startWith();
      const bytes = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
      // WHEN they are posted
      await send(started!.url, { method: 'POST', path: '/webhooks/x', headers: { 'content-type': 'text/plain' }, body: bytes });
      // THEN they arrive base64 and decode to the same bytes
      const event = recorder.events[0]!;
      expect(event.isBase64Encoded).toBe(true);
      expect(Buffer.from(event.body!, 'base64').equals(bytes)).toBe(true);
    });

    it('reassembles a chunked body exactly', async () => {
      // GIVEN a gateway and a body sent in three chunks without content-length
      const recorder = await startWith();
      const chunks = [randomBytes(1000), randomBytes(70_000), randomBytes(3)];
      // WHEN it is posted
      await send(started!.url, { method: 'POST', path: '/webhooks/x', headers: { 'content-type': 'image/png' }, chunks });
      // THEN the function gets all bytes in order
      expect(Buffer.from(recorder.events[0]!.body!, 'base64').equals(Buffer.concat(chunks))).toBe(true);
    });
  });
});
