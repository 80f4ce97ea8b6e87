import { describe, expect, it } from 'vitest';
import { parseForm } from '../../../lambdas/shared/form.js';

describe('shared form parsing (the verifier and the consumer kit parse form bodies alike)', () => {
  it('parses form fields, keeping every value of a repeated name', () => {
    expect(parseForm('a=1&b=x+y&a=%2B2&a=3')).toEqual({ a: ['1', '+2', '3'], b: 'x y' });
  });

  it('keeps __proto__ as an ordinary field', () => {
    const fields = parseForm('__proto__=x');
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.keys(fields)).toEqual(['__proto__']);
  });
});
