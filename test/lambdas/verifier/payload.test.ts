import { describe, expect, it } from 'vitest';
import { parseForm } from '../../../lambdas/shared/form.js';
import { decodePayload } from '../../../lambdas/shared/payload.js';

describe('shared payload decoding (used by the consumer kit for claim-checked payloads)', () => {
  it('parses form fields, keeping every value of a repeated name', () => {
    expect(parseForm('a=1&b=x+y&a=%2B2&a=3')).toEqual({ a: ['1', '+2', '3'], b: 'x y' });
  });

  it('keeps __proto__ as an ordinary field', () => {
    const fields = parseForm('__proto__=x');
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.keys(fields)).toEqual(['__proto__']);
  });

  it('decodes by datacontenttype', () => {
    expect(decodePayload(Buffer.from('{"a":1}'), 'application/json')).toEqual({ a: 1 });
    expect(decodePayload(Buffer.from('a=1'), 'application/x-www-form-urlencoded')).toEqual({ a: '1' });
    expect(decodePayload(Buffer.from('<x/>'), 'text/xml')).toEqual(Buffer.from('<x/>'));
  });
});
