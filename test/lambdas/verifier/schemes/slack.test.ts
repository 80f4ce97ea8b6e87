import { describe, expect, it } from 'vitest';
import { slackScheme } from '../../../../lambdas/verifier/schemes/slack.js';
import { check } from '../../../helpers/verifier/check.js';
import { webhookRequest } from '../../../helpers/verifier/request.js';

/**
 * The worked example of "Verifying requests from Slack".
 * @see https://api.slack.com/authentication/verifying-requests-from-slack
 */
const docs = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: 1531420618,
  body:
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar' +
    '&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
    '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
    '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};
const docsHeaders = {
  'X-Slack-Signature': docs.signature,
  'X-Slack-Request-Timestamp': String(docs.timestamp),
  'Content-Type': 'application/x-www-form-urlencoded',
};

const secret = 'slack-signing-secret';
const now = 1_764_100_000;
function signed(body: string, timestamp = now): ReturnType<typeof webhookRequest> {
  const { headers } = slackScheme.sign({ body: Buffer.from(body), contentType: 'application/json', url: 'https://x', timestamp, id: '', secret });
  return webhookRequest(body, headers);
}
const eventBody = JSON.stringify({ type: 'event_callback', event_id: 'Ev123', event: { type: 'app_mention', text: 'hi' } });

describe('slack scheme', () => {
  it("verifies Slack's documented example", () => {
    const request = webhookRequest(docs.body, docsHeaders);
    expect(check(slackScheme, request, [docs.secret], docs.timestamp).secretIndex).toBe(0);
  });

  it("signs the documented example exactly as Slack does", () => {
    const { headers } = slackScheme.sign({ body: Buffer.from(docs.body), contentType: 'application/x-www-form-urlencoded', url: 'https://x', timestamp: docs.timestamp, id: '', secret: docs.secret });
    expect(headers['X-Slack-Signature']).toBe(docs.signature);
  });

  it('describes a slash command as form fields', () => {
    const delivery = slackScheme.describe(webhookRequest(docs.body, docsHeaders));
    expect(delivery.type).toBe('slash_command');
    expect(delivery.payload).toMatchObject({ kind: 'form', fields: { command: '/webhook-collect', text: '' } });
    expect(delivery.id).toBeUndefined();
  });

  it('uses event.type and event_id of an Events API callback', () => {
    expect(slackScheme.describe(signed(eventBody))).toMatchObject({ id: 'Ev123', type: 'app_mention' });
  });

  it('unwraps interactivity payloads (payload=<json>)', () => {
    const form = `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', actions: [] }))}`;
    const delivery = slackScheme.describe(webhookRequest(form, { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(delivery).toMatchObject({ type: 'block_actions', payload: { kind: 'json' } });
  });

  it('answers url_verification with the challenge', () => {
    const delivery = slackScheme.describe(signed(JSON.stringify({ type: 'url_verification', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', token: 'x' })));
    expect(delivery.handshake).toEqual({
      statusCode: 200,
      contentType: 'application/json',
      body: '{"challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}',
    });
  });

  it('fails if url_verification has no challenge', () => {
    expect(() => slackScheme.describe(signed('{"type":"url_verification"}'))).toThrow('url_verification must carry a string challenge');
  });

  it('fails if one byte of the body is tampered with', () => {
    const request = webhookRequest(docs.body.replace('foobar', 'foobaz'), docsHeaders);
    expect(() => check(slackScheme, request, [docs.secret], docs.timestamp)).toThrow(expect.objectContaining({ code: 'signature_mismatch' }));
  });

  it('fails if the timestamp is stale', () => {
    expect(() => check(slackScheme, signed(eventBody, now - 301), [secret], now)).toThrow(expect.objectContaining({ code: 'timestamp_out_of_window' }));
  });

  it('fails if the timestamp is in the future', () => {
    expect(() => check(slackScheme, signed(eventBody, now + 301), [secret], now)).toThrow(expect.objectContaining({ code: 'timestamp_out_of_window' }));
  });

  it('fails if the timestamp header is missing', () => {
    const { 'X-Slack-Request-Timestamp': _omitted, ...headers } = docsHeaders;
    expect(() => check(slackScheme, webhookRequest(docs.body, headers), [docs.secret], docs.timestamp)).toThrow(
      'missing header X-Slack-Request-Timestamp',
    );
  });

  it('fails if the signature lacks its v0= version', () => {
    const request = webhookRequest(docs.body, { ...docsHeaders, 'X-Slack-Signature': docs.signature.slice(3) });
    expect(() => check(slackScheme, request, [docs.secret], docs.timestamp)).toThrow(expect.objectContaining({ code: 'signature_malformed' }));
  });
});
