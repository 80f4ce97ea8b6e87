import { describe, expect, it } from 'vitest';
import { quantile, summarize } from '../../bench/stats.js';

describe('summarize', () => {
  it('takes the median and the interquartile spread relative to it', () => {
    // GIVEN rounds with one outlier  WHEN summarized  THEN the median ignores the outlier
    const s = summarize([10, 11, 9, 10, 100]);
    expect(s.median).toBe(10);
    expect(s.q1).toBe(10);
    expect(s.q3).toBe(11);
    expect(s.spread).toBeCloseTo(0.1);
    expect([s.min, s.max, s.samples]).toEqual([9, 100, 5]);
  });

  it('interpolates between ranks', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });

  it('fails if there are no samples', () => {
    expect(() => quantile([], 0.5)).toThrow('quantile of no samples');
  });
});
