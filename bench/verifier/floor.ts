import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { CandidateCheckError } from '../errors.js';
import type { Candidate } from '../measure.js';
import type { SignedFixture } from './fixtures.js';

/**
 * The floor: the least work any verifier of this scheme must do on the same bytes — raw
 * `createHmac` over the signed string, `timingSafeEqual` against the decoded header, and
 * `JSON.parse` of the body. Key and signed-string prefix are precomputed; nothing is checked
 * that the scheme does not require. Twilio (JSON body) signs the URL, which carries the body's
 * SHA-256, so its floor also hashes the body.
 */
export function floorCandidate(fixture: SignedFixture): Candidate {
  const h = fixture.lowerHeaders;
  const { body } = fixture;
  let run: () => unknown;
  switch (fixture.scheme) {
    case 'github':
      run = hmacFloor('sha256', fixture.secret, '', body, () => Buffer.from(h['x-hub-signature-256']!.slice(7), 'hex'));
      break;
    case 'generic':
      run = hmacFloor('sha256', fixture.secret, '', body, () => Buffer.from(h['x-signature']!.slice('sha256='.length), 'hex'));
      break;
    case 'shopify':
      run = hmacFloor('sha256', fixture.secret, '', body, () => Buffer.from(h['x-shopify-hmac-sha256']!, 'base64'));
      break;
    case 'stripe':
      run = hmacFloor('sha256', fixture.secret, `${fixture.timestamp}.`, body, () => Buffer.from(h['stripe-signature']!.split(',v1=')[1]!, 'hex'));
      break;
    case 'slack':
      run = hmacFloor('sha256', fixture.secret, `v0:${fixture.timestamp}:`, body, () => Buffer.from(h['x-slack-signature']!.slice(3), 'hex'));
      break;
    case 'standard': {
      const key = Buffer.from(fixture.secret.slice('whsec_'.length), 'base64');
      run = hmacFloor('sha256', key, `${fixture.deliveryId}.${fixture.timestamp}.`, body, () => Buffer.from(h['webhook-signature']!.slice(3), 'base64'));
      break;
    }
    case 'twilio':
      run = twilioFloor(fixture);
      break;
  }
  return {
    name: 'floor',
    async: false,
    run,
    check: (result) => {
      if ((result as { ok?: boolean }).ok !== true) throw new CandidateCheckError('floor', `${fixture.scheme} signature did not match`);
    },
  };
}

function hmacFloor(
  algorithm: string,
  secret: string | Buffer,
  prefix: string,
  body: string,
  signature: () => Buffer,
): () => { ok: boolean; value: unknown } {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  return () => {
    const expected = createHmac(algorithm, key).update(prefix).update(body).digest();
    const given = signature();
    const ok = given.length === expected.length && timingSafeEqual(expected, given);
    return { ok, value: JSON.parse(body) };
  };
}

function twilioFloor(fixture: SignedFixture): () => { ok: boolean; value: unknown } {
  const key = Buffer.from(fixture.secret, 'utf8');
  const { body, url } = fixture;
  const hashInUrl = url.slice(url.indexOf('bodySHA256=') + 'bodySHA256='.length);
  return () => {
    const bodyOk = createHash('sha256').update(body).digest('hex') === hashInUrl;
    const expected = createHmac('sha1', key).update(url).digest();
    const given = Buffer.from(fixture.lowerHeaders['x-twilio-signature']!, 'base64');
    const ok = bodyOk && given.length === expected.length && timingSafeEqual(expected, given);
    return { ok, value: JSON.parse(body) };
  };
}
