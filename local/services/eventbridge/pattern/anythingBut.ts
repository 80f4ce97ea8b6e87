import { caseFold } from './caseFold.js';
import { OPERATORS } from './constants.js';
import { InvalidEventPatternError } from './errors.js';
import type { ValueTest } from './types.js';
import { compileWildcard } from './wildcard.js';

/**
 * Compiles `{"anything-but": ...}` in all its forms: a string, a number, a list of strings or of
 * numbers, or an object with one of `prefix`, `suffix`, `equals-ignore-case`, `wildcard` (each a
 * string or a list of strings). A value of another JSON type than the excluded ones is not excluded
 * (event-ruler: `anything-but [111, 222]` matches the string `"444"`); the field must exist.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-anything-but
 */
export function compileAnythingBut(spec: unknown): ValueTest {
  if (typeof spec === 'string') {
    return (v) => v !== spec;
  }
  if (typeof spec === 'number') {
    const excluded = finite(spec);
    return (v) => v !== excluded;
  }
  if (Array.isArray(spec)) {
    return compileList(spec);
  }
  if (spec !== null && typeof spec === 'object') {
    return compileObject(spec as Record<string, unknown>);
  }
  throw new InvalidEventPatternError('Value of anything-but must be an array or single string/number value.');
}

function compileList(spec: readonly unknown[]): ValueTest {
  const allStrings = spec.length > 0 && spec.every((v) => typeof v === 'string');
  const allNumbers = spec.length > 0 && spec.every((v) => typeof v === 'number');
  if (spec.some((v) => v === null || typeof v === 'boolean' || typeof v === 'object')) {
    throw new InvalidEventPatternError('Inside anything but list, start|null|boolean is not supported.');
  }
  if (!allStrings && !allNumbers) {
    throw new InvalidEventPatternError(
      'Inside anything but list, either all values are number or string, mixed type is not supported',
    );
  }
  const excluded = new Set<unknown>(allNumbers ? spec.map((v) => finite(v as number)) : spec);
  return (v) => !excluded.has(v);
}

function compileObject(spec: Record<string, unknown>): ValueTest {
  const keys = Object.keys(spec);
  if (keys.length !== 1) {
    throw new InvalidEventPatternError('Only one key allowed in anything-but expression');
  }
  const operator = keys[0] as string;
  const values = stringList(spec[operator], operator);
  const excludes = ((): ((s: string) => boolean) => {
    switch (operator) {
      case OPERATORS.prefix:
        nonEmpty(values, operator);
        return (s) => values.some((p) => s.startsWith(p));
      case OPERATORS.suffix:
        nonEmpty(values, operator);
        return (s) => values.some((p) => s.endsWith(p));
      case OPERATORS.equalsIgnoreCase: {
        const folded = new Set(values.map(caseFold));
        return (s) => folded.has(caseFold(s));
      }
      case OPERATORS.wildcard: {
        const tests = values.map(compileWildcard);
        return (s) => tests.some((t) => t(s));
      }
      default:
        throw new InvalidEventPatternError(`Unsupported anything-but pattern: ${operator}`);
    }
  })();
  // Docs are silent on non-string values here; like event-ruler (which compares serialized bytes,
  // so a number never carries a string's prefix), they are not excluded.
  return (v) => typeof v !== 'string' || !excludes(v);
}

function stringList(value: unknown, operator: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((v): v is string => typeof v === 'string')) {
    throw new InvalidEventPatternError(`anything-but/${operator} must be a string or a non-empty list of strings`);
  }
  return list;
}

function nonEmpty(values: readonly string[], operator: string): void {
  if (values.some((v) => v === '')) {
    throw new InvalidEventPatternError(`Null ${operator} not allowed in anything-but`);
  }
}

function finite(value: number): number {
  if (!Number.isFinite(value)) {
    throw new InvalidEventPatternError('Number is not representable as a double');
  }
  return value;
}
