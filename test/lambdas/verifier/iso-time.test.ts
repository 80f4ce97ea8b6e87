import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTime } from '../../../lambdas/verifier/iso-time.js';

describe('isoTime', () => {
  it('formats like Date.prototype.toISOString for any valid time', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        expect(isoTime(ms)).toBe(new Date(ms).toISOString());
      }),
    );
  });

  it('formats consecutive times within and across seconds, as a busy verifier asks for them', () => {
    // GIVEN times a few ms apart, crossing second, minute and year boundaries
    const start = Date.UTC(2026, 11, 31, 23, 59, 59, 990);
    for (let ms = start; ms < start + 40; ms += 3) {
      // THEN each is formatted from the right second, not a cached one
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('truncates a fractional time as Date does', () => {
    for (const ms of [1_767_225_600_123.9, -1.5, 0.4]) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });

  it('fails if the time is not a valid Date, as toISOString does', () => {
    for (const ms of [Number.NaN, 8.64e15 + 1, Number.POSITIVE_INFINITY]) expect(() => isoTime(ms)).toThrow(RangeError);
  });
});
