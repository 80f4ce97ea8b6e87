import { describe, expect, it } from 'vitest';
import { InvalidNowOverrideError, clockOffsetFromNowOverride } from '../../../local/lambda/index.js';

describe('clockOffsetFromNowOverride', () => {
  it('makes the shifted clock read the override at the anchor', () => {
    // GIVEN the runtime started at real time 2026-01-01T00:00:00Z with NOW_OVERRIDE 2021-01-01T00:00:00Z
    const anchor = Date.UTC(2026, 0, 1);

    // WHEN the offset is computed
    const offset = clockOffsetFromNowOverride(1_609_459_200, anchor);

    // THEN anchor + offset is the override, in milliseconds
    expect(anchor + offset).toBe(Date.UTC(2021, 0, 1));
  });

  it('fails if NOW_OVERRIDE is not a number', () => {
    expect(() => clockOffsetFromNowOverride(Number('yesterday'))).toThrow(
      new InvalidNowOverrideError(Number.NaN),
    );
    expect(() => clockOffsetFromNowOverride(Number.NaN)).toThrow('NOW_OVERRIDE must be unix seconds (given NaN): e.g. NOW_OVERRIDE=1764100800');
  });
});
