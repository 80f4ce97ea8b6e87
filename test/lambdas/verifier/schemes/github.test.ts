import { sign as octokitSign, verify as octokitVerify } from '@octokit/webhooks-methods';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { githubScheme } from '../../../../lambdas/verifier/schemes/github.js';
import { check } from '../../../helpers/verifier/check.js';
import { webhookRequest } from '../../../helpers/verifier/request.js';

const secret = 'gh-secret';
const body = '{"action":"opened","number":1,"repository":{"id":9007199254740993}}';

async function fixture(): Promise<Record<string, string>> {
  return {
    'X-Hub-Signature-256': await octokitSign(secret, body),
    'X-GitHub-Delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
    'X-GitHub-Event': 'pull_request',
    'X-GitHub-Hook-ID': '292430182',
    'Content-Type': 'application/json',
  };
}

describe('github scheme', () => {
  it("verifies GitHub's documented example", () => {
    // GIVEN the example from "Validating webhook deliveries"
    // @see https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
    const request = webhookRequest('Hello, World!', {
      'x-hub-signature-256': 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    });
    // THEN
    expect(check(githubScheme, request, ["It's a Secret to Everybody"]).secretIndex).toBe(0);
  });

  it('verifies a signature made by @octokit/webhooks-methods', async () => {
    expect(check(githubScheme, webhookRequest(body, await fixture()), [secret]).secretIndex).toBe(0);
  });

  it('signs what @octokit/webhooks-methods verifies', async () => {
    const signed = githubScheme.sign({ body: Buffer.from(body), contentType: 'application/json', url: 'https://x', timestamp: 0, id: 'd-1', secret });
    expect(await octokitVerify(secret, body, signed.headers['X-Hub-Signature-256']!)).toBe(true);
  });

  it('describes the delivery from its headers and keeps large integers exact', async () => {
    const delivery = githubScheme.describe(webhookRequest(body, await fixture()));
    expect(delivery).toMatchObject({
      id: '72d3162e-cc78-11e3-81ab-4c9367dc0958',
      type: 'pull_request',
      vendorHeaders: { 'x-github-hook-id': '292430182' },
      payload: { kind: 'json' },
    });
    expect(delivery.payload.bytes.toString()).toBe(body);
  });

  it('unwraps a form-encoded delivery (payload=<json>) signed over the raw form body', async () => {
    // GIVEN GitHub's application/x-www-form-urlencoded content type
    const form = `payload=${encodeURIComponent(body)}`;
    const headers = { ...(await fixture()), 'Content-Type': 'application/x-www-form-urlencoded', 'X-Hub-Signature-256': await octokitSign(secret, form) };
    const request = webhookRequest(form, headers);
    // WHEN
    check(githubScheme, request, [secret]);
    const delivery = githubScheme.describe(request);
    // THEN
    expect(delivery.payload.kind).toBe('json');
    expect(delivery.payload.bytes.toString()).toBe(body);
  });

  it('fails if a form delivery has no payload field', () => {
    expect(() => githubScheme.describe(webhookRequest('other=1', { 'content-type': 'application/x-www-form-urlencoded' }))).toThrow(
      'form delivery must carry exactly one payload field',
    );
  });

  it('fails if one byte of the body is tampered with', async () => {
    const request = webhookRequest(body.replace('opened', 'closed'), await fixture());
    expect(() => check(githubScheme, request, [secret])).toThrow(expect.objectContaining({ code: 'signature_mismatch' }));
  });

  it('fails if the secret is wrong', async () => {
    const request = webhookRequest(body, await fixture());
    expect(() => check(githubScheme, request, ['not-the-secret'])).toThrow(
      expect.objectContaining({ code: 'signature_mismatch' }),
    );
  });

  it('fails if the signature header is missing', async () => {
    const { 'X-Hub-Signature-256': _omitted, ...headers } = await fixture();
    expect(() => check(githubScheme, webhookRequest(body, headers), [secret])).toThrow('missing header X-Hub-Signature-256');
  });

  it('fails if only the legacy sha1 header X-Hub-Signature is sent', async () => {
    const { 'X-Hub-Signature-256': _omitted, ...headers } = await fixture();
    const sha1 = `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;
    expect(() => check(githubScheme, webhookRequest(body, { ...headers, 'X-Hub-Signature': sha1 }), [secret])).toThrow(
      expect.objectContaining({ code: 'signature_missing' }),
    );
  });

  it('fails if the header carries a sha1 digest (wrong algorithm)', async () => {
    const headers = { ...(await fixture()), 'X-Hub-Signature-256': `sha256=${createHmac('sha1', secret).update(body).digest('hex')}` };
    expect(() => check(githubScheme, webhookRequest(body, headers), [secret])).toThrow(
      'header X-Hub-Signature-256 does not hold a hex sha256 signature',
    );
  });

  it('fails if the sha256= prefix is missing', async () => {
    const headers = await fixture();
    headers['X-Hub-Signature-256'] = headers['X-Hub-Signature-256']!.slice('sha256='.length);
    expect(() => check(githubScheme, webhookRequest(body, headers), [secret])).toThrow(expect.objectContaining({ code: 'signature_malformed' }));
  });

  it('reads headers case-insensitively', async () => {
    const upper = Object.fromEntries(Object.entries(await fixture()).map(([k, v]) => [k.toUpperCase(), v]));
    expect(check(githubScheme, webhookRequest(body, upper), [secret]).secretIndex).toBe(0);
  });
});
