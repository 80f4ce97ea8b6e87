import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../lambdas/verifier/config.js';
import { putEventsEntrySize } from '../../../lambdas/verifier/entry-size.js';
import { prepareEvent } from '../../../lambdas/verifier/prepare-event.js';
import { readRequest, type VerifierContext } from '../../../lambdas/verifier/read-request.js';
import { createScheme } from '../../../lambdas/verifier/schemes/index.js';
import { apiEvent } from '../../helpers/verifier/api-event.js';

const NOW_MS = 1_795_636_800_123;

function contextOf(scheme: string, env: Record<string, string> = {}): VerifierContext {
  const config = readConfig({ HOOKBRIDGE_SOURCE: 'test', HOOKBRIDGE_SCHEME: scheme, HOOKBRIDGE_EVENT_BUS_NAME: 'bus', HOOKBRIDGE_SECRET_ID: 'id', ...env });
  return { config, scheme: createScheme(config.scheme, config.schemeOptions) };
}

/** Reads and prepares a request signed with secret `s`, as the handler does once the signature held. */
function prepare(context: VerifierContext, body: string | Buffer, options: { base64?: boolean; contentType?: string; headers?: Record<string, string> } = {}) {
  const signed = context.scheme.sign({ body: Buffer.from(body), contentType: options.contentType ?? 'application/json', url: 'https://x', timestamp: Math.floor(NOW_MS / 1000), id: 'd-1', type: 'push', secret: 's' });
  const read = readRequest(apiEvent({ body, base64: options.base64, headers: { ...signed.headers, ...options.headers } }), context);
  return prepareEvent(read, 0, NOW_MS, context);
}

describe('prepareEvent', () => {
  it('builds the PutEvents entry with its size as EventBridge counts it', () => {
    const prepared = prepare(contextOf('github'), ' {"text":"ünïcode ✓ 😀","n":9007199254740993}\n');
    expect(prepared.kind).toBe('event');
    if (prepared.kind !== 'event') return;
    expect(prepared.entry).toEqual({ Source: 'webhooks.test', DetailType: 'push', Detail: prepared.entry.Detail, Time: new Date(NOW_MS) });
    expect(prepared.entrySize).toBe(putEventsEntrySize(prepared.entry));
    expect(prepared.entry.Detail).toContain(',"data":{"text":"ünïcode ✓ 😀","n":9007199254740993}}');
    expect(JSON.parse(prepared.entry.Detail!)).toMatchObject({ id: 'd-1', time: new Date(NOW_MS).toISOString(), verification: { scheme: 'github', secretIndex: 0 } });
  });

  it('counts the same size for a base64 body', () => {
    const body = '{"text":"ünïcode"}';
    const [text, base64] = [prepare(contextOf('github'), body), prepare(contextOf('github'), body, { base64: true })];
    expect(text.kind === 'event' && base64.kind === 'event' && text.entrySize === base64.entrySize && text.payloadBytes === base64.payloadBytes).toBe(true);
  });

  it('hashes source and body into the id when the vendor sends none, as bytes whatever form the body came in', () => {
    const body = '{"kind":"order.created","note":"é"}';
    const expected = createHash('sha256').update(Buffer.concat([Buffer.from('webhooks.test'), Buffer.from(body)])).digest('hex');
    for (const base64 of [false, true]) {
      const prepared = prepare(contextOf('generic'), body, { base64 });
      expect(prepared.kind === 'event' && prepared.head.id).toBe(expected);
    }
    // and a body too large to join in memory is streamed into the hash
    const large = `{"a":"${'x'.repeat(40_000)}"}`;
    const prepared = prepare(contextOf('generic'), large);
    expect(prepared.kind === 'event' && prepared.head.id).toBe(createHash('sha256').update(`webhooks.test${large}`).digest('hex'));
  });

  it('counts the bytes of a payload unwrapped from a form field, not of the form', () => {
    const json = '{"zen":"é"}';
    const prepared = prepare(contextOf('github'), `payload=${encodeURIComponent(json)}`, { contentType: 'application/x-www-form-urlencoded' });
    expect(prepared.kind === 'event' && prepared.payloadBytes).toBe(Buffer.byteLength(json));
    expect(prepared.kind === 'event' && prepared.entrySize === putEventsEntrySize(prepared.entry)).toBe(true);
  });

  it('answers a handshake instead of building an event', () => {
    const prepared = prepare(contextOf('slack'), JSON.stringify({ type: 'url_verification', challenge: 'abc' }));
    expect(prepared).toEqual({ kind: 'handshake', type: 'url_verification', answer: { statusCode: 200, contentType: 'application/json', body: '{"challenge":"abc"}' } });
  });

  it('carries the scheme success answer', () => {
    const prepared = prepare(contextOf('twilio'), 'MessageStatus=delivered', { contentType: 'application/x-www-form-urlencoded' });
    expect(prepared.kind === 'event' && prepared.success?.contentType).toBe('text/xml');
  });

  it('fails if the vendor id is longer than 256 characters', () => {
    expect(() => prepare(contextOf('github'), '{}', { headers: { 'X-GitHub-Delivery': 'x'.repeat(257) } })).toThrow(
      expect.objectContaining({ code: 'malformed_payload', message: 'delivery id is longer than 256 characters' }),
    );
  });
});
