import { compileObject } from './compileObject.js';
import { InvalidEventPatternError } from './errors.js';
import { matchObject } from './match.js';
import type { ObjectRule } from './types.js';

/**
 * An EventBridge event pattern, validated and compiled once; {@link EventPattern.matches} then runs
 * without re-parsing. Supports the full content-filtering language: exact values, arrays, prefix,
 * suffix (both also with equals-ignore-case), anything-but in all its forms, numeric, exists, cidr
 * (IPv4 and IPv6), equals-ignore-case, wildcard, `$or` and nested objects.
 *
 * @example
 * const pattern = EventPattern.compile('{"source": [{"prefix": "webhooks."}]}');
 * pattern.matches({ source: 'webhooks.github' }); // true
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 */
export class EventPattern {
  private constructor(
    /** The pattern as given (JSON text), kept for DescribeRule and snapshots. */
    public readonly source: string,
    private readonly rule: ObjectRule,
  ) {}

  /**
   * Validates and compiles a pattern given as JSON text (as the API carries it) or as a parsed value.
   *
   * @throws InvalidEventPatternError if the pattern is not valid.
   */
  public static compile(pattern: string | object): EventPattern {
    const text = typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new InvalidEventPatternError('Event pattern is not valid JSON', { cause: error });
    }
    return new EventPattern(text, compileObject(parsed));
  }

  /** Whether the event (a parsed JSON object) matches. */
  public matches(event: object): boolean {
    return matchObject(this.rule, event as Record<string, unknown>);
  }
}
