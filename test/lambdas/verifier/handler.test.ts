import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as notFound } from '../../../lambdas/verifier/not-found.js';
import { githubScheme } from '../../../lambdas/verifier/schemes/github.js';
import { SCHEME_NAMES } from '../../../lambdas/verifier/schemes/index.js';
import { slackScheme } from '../../../lambdas/verifier/schemes/slack.js';
import { twilioScheme } from '../../../lambdas/verifier/schemes/twilio.js';
import { apiEvent } from '../../helpers/verifier/api-event.js';
import { FakeAws } from '../../helpers/verifier/fake-aws.js';
import { SECRET_ID, verifierHarness } from '../../helpers/verifier/harness.js';

const secret = 'gh-secret';
const body = '{"zen":"Keep it logically awesome.","hook":{"id":9007199254740993}}';
const fake = new FakeAws();

function githubHeaders(payload: string | Buffer = body, signingSecret = secret): Record<string, string> {
  return {
    ...githubScheme.sign({ body: Buffer.from(payload), contentType: 'application/json', url: 'https://x', timestamp: 0, id: 'delivery-1', secret: signingSecret, type: 'ping' }).headers,
    'X-GitHub-Hook-ID': '42',
  };
}
const github = (env: Record<string, string> = {}) => verifierHarness(fake, { HOOKBRIDGE_SCHEME: 'github', HOOKBRIDGE_SECRET_CACHE_SECONDS: '0', ...env });
const parse = (result: { body?: string }) => JSON.parse(result.body ?? '') as Record<string, unknown>;

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => {
  fake.secrets.clear();
  fake.secrets.set(SECRET_ID, secret);
  fake.entries.length = 0;
  fake.objects.clear();
  fake.putEventsMode = 'accept';
  fake.secretFetches = 0;
});

describe('verifier handler', () => {
  it('answers 202 with the envelope id and puts one event on the bus', async () => {
    const { handler, metrics } = github();
    // WHEN
    const result = await handler(apiEvent({ body, headers: githubHeaders(), requestId: 'req-42' }));
    // THEN
    expect(result.statusCode).toBe(202);
    expect(parse(result)).toEqual({ id: 'delivery-1' });
    expect(fake.entries).toHaveLength(1);
    const entry = fake.entries[0]!;
    expect(entry).toMatchObject({ Source: 'webhooks.test', DetailType: 'ping', EventBusName: 'hookbridge-bus' });
    const detail = JSON.parse(entry.Detail) as Record<string, unknown>;
    expect(detail).toMatchObject({
      specversion: '1.0',
      id: 'delivery-1',
      source: 'webhooks.test',
      type: 'ping',
      datacontenttype: 'application/json',
      envelopeversion: '1.0',
      correlationid: 'req-42',
      verification: { scheme: 'github', secretIndex: 0 },
      vendorheaders: { 'x-github-hook-id': '42' },
      data: { zen: 'Keep it logically awesome.' },
    });
    expect(new Date(detail.time as string).toISOString()).toBe(detail.time);
    // the payload travels byte-exact, so integers above 2^53 survive
    expect(entry.Detail).toContain('"id":9007199254740993');
    expect(metrics.counts).toEqual(['SecretIndex0', 'Accepted']);
  });

  it('produces an envelope with exactly the properties schema/envelope.v1.json allows', async () => {
    const schema = JSON.parse(readFileSync(new URL('../../../schema/envelope.v1.json', import.meta.url), 'utf8')) as {
      required: string[];
      properties: Record<string, { enum?: string[] } & { properties?: Record<string, { enum?: string[] }> }>;
    };
    await github().handler(apiEvent({ body, headers: githubHeaders() }));
    const detail = JSON.parse(fake.entries[0]!.Detail) as Record<string, unknown>;
    expect(Object.keys(detail).sort()).toEqual([...schema.required, 'data'].sort());
    expect(Object.keys(detail).every((key) => key in schema.properties)).toBe(true);
    expect(schema.properties.verification!.properties!.scheme!.enum).toEqual([...SCHEME_NAMES]);
  });

  it('verifies a body API Gateway delivered base64-encoded', async () => {
    const result = await github().handler(apiEvent({ body, headers: githubHeaders(), base64: true }));
    expect(result.statusCode).toBe(202);
  });

  it('answers 202 with the same id for a repeated delivery and publishes it again', async () => {
    const { handler } = github();
    const first = await handler(apiEvent({ body, headers: githubHeaders() }));
    const second = await handler(apiEvent({ body, headers: githubHeaders() }));
    expect([first.statusCode, second.statusCode]).toEqual([202, 202]);
    expect(parse(first)).toEqual(parse(second));
    expect(fake.entries.map((e) => (JSON.parse(e.Detail) as { id: string }).id)).toEqual(['delivery-1', 'delivery-1']);
  });

  it('uses the SHA-256 of source and body as the id when the vendor sends none', async () => {
    const headers = githubHeaders();
    delete headers['X-GitHub-Delivery'];
    const { handler } = github();
    const result = await handler(apiEvent({ body, headers }));
    expect(parse(result).id).toMatch(/^[0-9a-f]{64}$/);
    expect(parse(await handler(apiEvent({ body, headers })))).toEqual(parse(result));
  });

  it('answers 404 unknown_source from the not-found handler', async () => {
    const result = await notFound(apiEvent({ rawPath: '/webhooks/nope' }));
    expect(result.statusCode).toBe(404);
    expect(parse(result)).toEqual({ error: 'unknown_source', message: 'no webhook source is configured at this path' });
  });

  describe('answers in the contract order', () => {
    it('405 before anything else, even with an oversize unsigned body', async () => {
      const { handler, metrics } = github({ HOOKBRIDGE_BODY_LIMIT: '10' });
      const result = await handler(apiEvent({ method: 'GET', body: 'x'.repeat(100) }));
      expect(result.statusCode).toBe(405);
      expect(result.headers).toMatchObject({ allow: 'POST', 'content-type': 'application/json' });
      expect(parse(result)).toEqual({ error: 'method_not_allowed', message: 'only POST is accepted' });
      expect(metrics.counts).toEqual(['Rejected:method_not_allowed']);
    });

    it('413 before the signature check, counted on decoded bytes', async () => {
      const { handler } = github({ HOOKBRIDGE_BODY_LIMIT: String(Buffer.byteLength(body) - 1) });
      const result = await handler(apiEvent({ body, base64: true }));
      expect(result.statusCode).toBe(413);
      expect(parse(result)).toEqual({ error: 'payload_too_large', message: `body is ${Buffer.byteLength(body)} bytes; the limit is ${Buffer.byteLength(body) - 1}` });
    });

    it('accepts a body exactly at the limit', async () => {
      const result = await github({ HOOKBRIDGE_BODY_LIMIT: String(Buffer.byteLength(body)) }).handler(apiEvent({ body, headers: githubHeaders(), base64: true }));
      expect(result.statusCode).toBe(202);
    });

    it('401 signature_missing before the secret is even read', async () => {
      fake.secrets.clear();
      const result = await github().handler(apiEvent({ body }));
      expect(result.statusCode).toBe(401);
      expect(parse(result)).toEqual({ error: 'signature_missing', message: 'missing header X-Hub-Signature-256' });
      expect(fake.secretFetches).toBe(0);
    });

    it('401 signature_mismatch for a tampered body, and nothing is published', async () => {
      const { handler, metrics } = github();
      const result = await handler(apiEvent({ body: body.replace('awesome', 'awful'), headers: githubHeaders() }));
      expect(result.statusCode).toBe(401);
      expect(parse(result).error).toBe('signature_mismatch');
      expect(fake.entries).toHaveLength(0);
      expect(metrics.counts).toEqual(['Rejected:signature_mismatch']);
    });

    it('400 malformed_payload for a signed body that is not JSON', async () => {
      const result = await github().handler(apiEvent({ body: 'not json', headers: githubHeaders('not json') }));
      expect(result.statusCode).toBe(400);
      expect(parse(result)).toEqual({ error: 'malformed_payload', message: 'body is not valid JSON' });
      expect(fake.entries).toHaveLength(0);
    });

    it('400 for a signed event type longer than EventBridge allows', async () => {
      const headers = { ...githubHeaders(), 'X-GitHub-Event': 'x'.repeat(129) };
      const result = await github().handler(apiEvent({ body, headers }));
      expect(result.statusCode).toBe(400);
      expect(parse(result).message).toBe('event type is longer than 128 characters');
    });
  });

  describe('failure after verification', () => {
    it('answers 503 publish_failed and publishes nothing when PutEvents rejects the entry', async () => {
      fake.putEventsMode = 'reject-entry';
      const { handler, metrics } = github();
      const result = await handler(apiEvent({ body, headers: githubHeaders() }));
      expect(result.statusCode).toBe(503);
      expect(parse(result)).toEqual({ error: 'publish_failed', message: 'EventBridge rejected the event (InternalFailure)' });
      expect(fake.entries).toHaveLength(0);
      expect(metrics.counts).toEqual(['SecretIndex0', 'Rejected:publish_failed']);
    });

    it('answers 503 publish_failed when PutEvents fails outright', async () => {
      fake.putEventsMode = 'service-error';
      const result = await github().handler(apiEvent({ body, headers: githubHeaders() }));
      expect(result.statusCode).toBe(503);
      expect(parse(result)).toEqual({ error: 'publish_failed', message: 'PutEvents failed' });
    });

    it('answers 503 secret_unavailable and publishes nothing when the secret cannot be read', async () => {
      fake.secrets.clear();
      const { handler, metrics } = github();
      const result = await handler(apiEvent({ body, headers: githubHeaders() }));
      expect(result.statusCode).toBe(503);
      expect(parse(result)).toEqual({ error: 'secret_unavailable', message: 'the source secret could not be read' });
      expect(fake.entries).toHaveLength(0);
      expect(metrics.counts).toEqual(['Rejected:secret_unavailable']);
    });

    it('never echoes the secret in an answer', async () => {
      fake.secrets.set(SECRET_ID, '["", "x"]');
      const result = await github().handler(apiEvent({ body, headers: githubHeaders() }));
      expect(result.statusCode).toBe(503);
      expect(result.body).not.toContain('"x"');
    });
  });

  it('verifies with the old secret during rotation and reports index 1', async () => {
    fake.secrets.set(SECRET_ID, JSON.stringify(['new-secret', secret]));
    const { handler, metrics } = github();
    await handler(apiEvent({ body, headers: githubHeaders() }));
    expect((JSON.parse(fake.entries[0]!.Detail) as { verification: unknown }).verification).toEqual({ scheme: 'github', secretIndex: 1 });
    expect(metrics.counts).toContain('SecretIndex1');
  });

  it('caches the secret between invocations', async () => {
    const { handler } = verifierHarness(fake, { HOOKBRIDGE_SCHEME: 'github', HOOKBRIDGE_SECRET_CACHE_SECONDS: '300' });
    await handler(apiEvent({ body, headers: githubHeaders() }));
    await handler(apiEvent({ body, headers: githubHeaders() }));
    expect(fake.secretFetches).toBe(1);
  });

  it('claim-checks a payload above the threshold to S3 and carries a dataref', async () => {
    const { handler } = github({ HOOKBRIDGE_CLAIM_CHECK_THRESHOLD: '16' });
    const result = await handler(apiEvent({ body, headers: githubHeaders() }));
    expect(result.statusCode).toBe(202);
    const detail = JSON.parse(fake.entries[0]!.Detail) as { dataref: { bucket: string; key: string; size: number; sha256: string }; data?: unknown };
    expect(detail.data).toBeUndefined();
    expect(detail.dataref).toMatchObject({ bucket: 'claims', size: Buffer.byteLength(body) });
    expect(detail.dataref.key).toMatch(/^webhooks\.test\/\d{4}-\d{2}-\d{2}\/[0-9a-f]{64}$/);
    const stored = fake.objects.get(`claims/${detail.dataref.key}`);
    expect(stored?.body.toString()).toBe(body);
    expect(stored?.contentType).toBe('application/json');
  });

  it('answers the Slack url_verification challenge only after the signature verifies', async () => {
    fake.secrets.set(SECRET_ID, 'slack-secret');
    const now = 1_764_100_000_000;
    const { handler } = verifierHarness(fake, { HOOKBRIDGE_SCHEME: 'slack' }, () => now);
    const challenge = JSON.stringify({ type: 'url_verification', challenge: 'abc123' });
    const { headers } = slackScheme.sign({ body: Buffer.from(challenge), contentType: 'application/json', url: 'https://x', timestamp: now / 1000, id: '', secret: 'slack-secret' });
    // unsigned: 401, no challenge echoed
    const unsigned = await handler(apiEvent({ body: challenge, headers: { 'content-type': 'application/json' } }));
    expect(unsigned.statusCode).toBe(401);
    // signed: 200 with the challenge, nothing published
    const signed = await handler(apiEvent({ body: challenge, headers }));
    expect(signed.statusCode).toBe(200);
    expect(parse(signed)).toEqual({ challenge: 'abc123' });
    expect(fake.entries).toHaveLength(0);
  });

  it('answers Twilio with empty TwiML, verifying against the configured public URL', async () => {
    fake.secrets.set(SECRET_ID, 'twilio-token');
    const publicUrl = 'https://hooks.example.com/webhooks/twilio';
    const { handler } = verifierHarness(fake, { HOOKBRIDGE_SCHEME: 'twilio', HOOKBRIDGE_PUBLIC_URL: publicUrl });
    const form = 'MessageSid=SM1&MessageStatus=delivered';
    const { headers } = twilioScheme.sign({ body: Buffer.from(form), contentType: 'application/x-www-form-urlencoded', url: publicUrl, timestamp: 0, id: 'idem-9', secret: 'twilio-token' });
    const result = await handler(apiEvent({ body: form, headers, rawPath: '/webhooks/twilio' }));
    expect(result).toMatchObject({ statusCode: 200, headers: { 'content-type': 'text/xml' }, body: '<?xml version="1.0" encoding="UTF-8"?><Response/>' });
    expect(fake.entries[0]).toMatchObject({ DetailType: 'delivered' });
    expect(JSON.parse(fake.entries[0]!.Detail)).toMatchObject({ id: 'idem-9', datacontenttype: 'application/x-www-form-urlencoded', data: { MessageSid: 'SM1' } });
  });
});
