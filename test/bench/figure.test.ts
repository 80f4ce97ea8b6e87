import { describe, expect, it } from 'vitest';
import { figure } from '../../bench/figure.js';

describe('figure', () => {
  it('derives the ratio against the baseline', () => {
    // GIVEN a value and its same-run baseline  WHEN a figure is built  THEN ratio = value / baseline
    const f = figure({ id: 'x', label: 'x', value: 30, unit: 'µs', baseline: { name: 'floor', value: 20 } });
    expect(f.ratio).toBe(1.5);
    expect(f.met).toBeNull();
  });

  it('meets a maximum-ratio target at the limit and misses it above', () => {
    const target = { text: '≤ 1.2× floor', maxRatio: 1.2 };
    expect(figure({ id: 'a', label: 'a', value: 12, unit: 'µs', baseline: { name: 'floor', value: 10 }, target }).met).toBe(true);
    expect(figure({ id: 'b', label: 'b', value: 12.1, unit: 'µs', baseline: { name: 'floor', value: 10 }, target }).met).toBe(false);
  });

  it('checks a minimum-ratio target', () => {
    const target = { text: '≥ 2×', minRatio: 2 };
    expect(figure({ id: 'a', label: 'a', value: 1, unit: '/s', baseline: { name: 'b', value: 1 }, target }).met).toBe(false);
  });
});
