import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryParameter, sha256Hex } from '../../../../lambdas/verifier/schemes/wire.js';

const queryText = fc.string({
  unit: fc.constantFrom('a', '=', '&', '%', '2', '5', '6', '+', ' ', '\t', '\n', '\u0000', '\u001f', '\\', "'", 'é', '\ud800', '#', '?', '/', 'bodySHA256', 'bodySHA%32%356', 'body\tSHA256', '"', '<', '`', '|'),
});

describe('queryParameter', () => {
  it('reads a parameter as new URL(url).searchParams.get does', () => {
    fc.assert(
      fc.property(fc.webUrl(), queryText, queryText, (base, query, fragment) => {
        for (const url of [base, `${base}?${query}`, `${base}?${query}#${fragment}`, `${base}#${fragment}?${query}`, ` ${base}?${query} \n`]) {
          expect(queryParameter(url, 'bodySHA256'), url).toBe(new URL(url).searchParams.get('bodySHA256'));
        }
      }),
    );
  });

  it('finds Twilio’s bodySHA256 after other parameters', () => {
    expect(queryParameter('https://hooks.example.com/webhooks/twilio?a=1&bodySHA256=ab12', 'bodySHA256')).toBe('ab12');
  });
});

describe('sha256Hex', () => {
  it('hashes the concatenation of text and byte parts, joined or streamed', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 64 }), fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes))), { maxLength: 4 }), (parts) => {
        const expected = createHash('sha256').update(Buffer.concat(parts.map((part) => Buffer.from(part)))).digest('hex');
        expect(sha256Hex(...parts)).toBe(expected);
      }),
    );
    const large = ['source', 'x'.repeat(20_000)];
    expect(sha256Hex(...large)).toBe(createHash('sha256').update(large.join('')).digest('hex'));
  });
});
