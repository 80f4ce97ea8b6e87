import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EventPattern, InvalidEventPatternError } from '../../../../../local/services/eventbridge/pattern/index.js';

interface MatchCase {
  id: string;
  pattern: object;
  event: Record<string, unknown>;
  matches: boolean;
}
interface InvalidCase {
  id: string;
  pattern?: object;
  pattern_text?: string;
}

const data = JSON.parse(readFileSync(new URL('../data/eventbridge-patterns.json', import.meta.url), 'utf8')) as {
  cases: MatchCase[];
  invalid: InvalidCase[];
};

describe('event pattern conformance (shared/conformance/eventbridge-patterns.json)', () => {
  it('has the cases it is expected to have', () => {
    expect(data.cases.length).toBeGreaterThanOrEqual(205);
    expect(data.invalid.length).toBeGreaterThanOrEqual(46);
  });

  describe('matching', () => {
    it.each(data.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
      // GIVEN a compiled pattern
      const pattern = EventPattern.compile(c.pattern);
      // WHEN the event is matched THEN the outcome is the expected one
      expect(pattern.matches(c.event)).toBe(c.matches);
    });
  });

  describe('invalid patterns', () => {
    it.each(data.invalid.map((c) => [c.id, c] as const))('fails if %s', (_id, c) => {
      const text = c.pattern_text ?? JSON.stringify(c.pattern);
      expect(() => EventPattern.compile(text)).toThrow(InvalidEventPatternError);
      expect(() => EventPattern.compile(text)).toThrow(/Event pattern is not valid/);
    });
  });
});
