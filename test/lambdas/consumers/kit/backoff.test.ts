import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backoffCeilingSeconds,
  backoffSeconds,
  receiveCountOf,
  SQS_MAX_VISIBILITY_TIMEOUT_SECONDS,
} from '../../../../lambdas/consumers/kit/index.js';
import { makeEnvelope, makeSqsRecord } from '../../../helpers/consumers/events.js';

describe('backoff', () => {
  it('doubles the window with every receive, from the base', () => {
    // GIVEN base 2 s and a high cap; WHEN the window is computed for receives 1..5
    const windows = [1, 2, 3, 4, 5].map((count) => backoffCeilingSeconds(count, 2, 900));

    // THEN it is base * 2^(receiveCount - 1)
    expect(windows).toEqual([2, 4, 8, 16, 32]);
  });

  it('caps the window at the configured maximum and at the SQS limit of 12 hours', () => {
    expect(backoffCeilingSeconds(20, 2, 900)).toBe(900);
    expect(backoffCeilingSeconds(40, 2, 1e9)).toBe(SQS_MAX_VISIBILITY_TIMEOUT_SECONDS);
  });

  it('draws a whole number of seconds within [0, window] for any receive count and any random value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 43_200 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (receiveCount, base, max, random) => {
          const seconds = backoffSeconds(receiveCount, base, max, () => random);
          const ceiling = backoffCeilingSeconds(receiveCount, base, max);
          return Number.isInteger(seconds) && seconds >= 0 && seconds <= ceiling;
        },
      ),
    );
  });

  it('spreads retries over the whole window (full jitter), reaching both ends', () => {
    // GIVEN the window of a third receive with base 2 s: [0, 8]
    // WHEN the random source is at its ends and in the middle
    const low = backoffSeconds(3, 2, 900, () => 0);
    const mid = backoffSeconds(3, 2, 900, () => 0.5);
    const high = backoffSeconds(3, 2, 900, () => 0.999_999);

    // THEN the delay covers 0 .. 8
    expect([low, mid, high]).toEqual([0, 4, 8]);
  });

  it('reads ApproximateReceiveCount, treating a missing or broken one as the first receive', () => {
    const record = makeSqsRecord(makeEnvelope(), { receiveCount: 4 });
    expect(receiveCountOf(record)).toBe(4);
    expect(receiveCountOf({ ...record, attributes: { ...record.attributes, ApproximateReceiveCount: 'x' } })).toBe(1);
  });
});
