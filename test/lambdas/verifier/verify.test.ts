import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verify } from '../../../lambdas/verifier/verify.js';
import type { SignedContent } from '../../../lambdas/verifier/types.js';

const message = Buffer.from('1700000000.{"id":"evt_1"}');
const sign = (key: string, algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha256'): Buffer =>
  createHmac(algorithm, key).update(message).digest();

function content(overrides: Partial<SignedContent> = {}): SignedContent {
  return { algorithm: 'sha256', messages: [message], signatures: [sign('current')], timestamp: 1_700_000_000, ...overrides };
}
const keys = (...secrets: string[]): Buffer[] => secrets.map((s) => Buffer.from(s));

describe('verify', () => {
  it('accepts a signature made with the only secret and reports index 0', () => {
    // WHEN
    const result = verify({ content: content(), keys: keys('current'), nowSeconds: 1_700_000_000, toleranceSeconds: 300 });
    // THEN
    expect(result).toEqual({ secretIndex: 0 });
  });

  it('reports the index of the rotated-out secret that matched', () => {
    // GIVEN the sender still signs with the old secret, stored second
    const signedWithOld = content({ signatures: [sign('old')] });
    // WHEN
    const result = verify({ content: signedWithOld, keys: keys('new', 'old'), nowSeconds: 1_700_000_000, toleranceSeconds: 300 });
    // THEN
    expect(result.secretIndex).toBe(1);
  });

  it('accepts when any of several signatures matches', () => {
    const several = content({ signatures: [Buffer.alloc(32, 1), sign('current'), Buffer.alloc(5)] });
    expect(verify({ content: several, keys: keys('current'), nowSeconds: 1_700_000_000, toleranceSeconds: 300 }).secretIndex).toBe(0);
  });

  it('accepts any of several signed messages (URL variants)', () => {
    const variants = content({ messages: [Buffer.from('other'), message] });
    expect(verify({ content: variants, keys: keys('current'), nowSeconds: 1_700_000_000, toleranceSeconds: 300 }).secretIndex).toBe(0);
  });

  it('accepts a message given as parts, text or bytes, hashed as their concatenation', () => {
    const [prefix, body] = ['1700000000.', '{"id":"evt_1"}'];
    for (const parts of [[prefix, body], [Buffer.from(prefix), body], [prefix, Buffer.from(body)], [message.toString()]]) {
      expect(verify({ content: content({ messages: [parts] }), keys: keys('current'), nowSeconds: 1_700_000_000, toleranceSeconds: 300 }).secretIndex).toBe(0);
    }
  });

  it('hashes a text message as its UTF-8 bytes, a lone surrogate as U+FFFD like Buffer.from', () => {
    const text = '{"a":"\ud800é"}';
    const signature = createHmac('sha256', 'current').update(Buffer.from(text)).digest();
    const c = content({ messages: [text], signatures: [signature], timestamp: undefined });
    expect(verify({ content: c, keys: keys('current'), nowSeconds: 0, toleranceSeconds: 300 }).secretIndex).toBe(0);
  });

  it.each(['sha1', 'sha512'] as const)('supports %s', (algorithm) => {
    const c = content({ algorithm, signatures: [sign('current', algorithm)] });
    expect(verify({ content: c, keys: keys('current'), nowSeconds: 1_700_000_000, toleranceSeconds: 300 }).secretIndex).toBe(0);
  });

  it('fails if no secret matches', () => {
    expect(() => verify({ content: content(), keys: keys('wrong'), nowSeconds: 1_700_000_000, toleranceSeconds: 300 })).toThrow(
      /no signature matches the request/,
    );
  });

  it('fails if the signature is a truncated prefix of the right one', () => {
    const truncated = content({ signatures: [sign('current').subarray(0, 16)] });
    expect(() => verify({ content: truncated, keys: keys('current'), nowSeconds: 1_700_000_000, toleranceSeconds: 300 })).toThrow(
      expect.objectContaining({ code: 'signature_mismatch' }),
    );
  });

  it('accepts a timestamp exactly at the edge of the window, past and future', () => {
    for (const now of [1_700_000_300, 1_699_999_700]) {
      expect(verify({ content: content(), keys: keys('current'), nowSeconds: now, toleranceSeconds: 300 }).secretIndex).toBe(0);
    }
  });

  it('fails if the timestamp is stale', () => {
    expect(() => verify({ content: content(), keys: keys('current'), nowSeconds: 1_700_000_301, toleranceSeconds: 300 })).toThrow(
      expect.objectContaining({ code: 'timestamp_out_of_window', message: 'signed timestamp is more than 300 seconds away from the current time' }),
    );
  });

  it('fails if the timestamp is in the future', () => {
    expect(() => verify({ content: content(), keys: keys('current'), nowSeconds: 1_699_999_699, toleranceSeconds: 300 })).toThrow(
      expect.objectContaining({ code: 'timestamp_out_of_window' }),
    );
  });

  it('reports a forged stale request as a mismatch, not as a timestamp problem', () => {
    expect(() => verify({ content: content(), keys: keys('wrong'), nowSeconds: 1_800_000_000, toleranceSeconds: 300 })).toThrow(
      expect.objectContaining({ code: 'signature_mismatch' }),
    );
  });

  it('applies no window when the scheme signs no timestamp', () => {
    const untimed = content({ timestamp: undefined });
    expect(verify({ content: untimed, keys: keys('current'), nowSeconds: 2_000_000_000, toleranceSeconds: 300 }).secretIndex).toBe(0);
  });
});
