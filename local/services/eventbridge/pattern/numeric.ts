import { InvalidEventPatternError } from './errors.js';

/**
 * Compiles the operand list of a `numeric` matcher: `["=", x]`, `["<" | "<=", x]`,
 * `[">" | ">=", x]` or `[">" | ">=", low, "<" | "<=", high]` with `low < high`.
 * Only JSON numbers in the event match; `"5"` (a string) does not.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-numeric-matching
 * @see https://github.com/aws/event-ruler/blob/main/src/main/software/amazon/event/ruler/JsonRuleCompiler.java (processNumericMatchExpression)
 */
export function compileNumeric(spec: unknown): (value: number) => boolean {
  if (!Array.isArray(spec)) {
    throw new InvalidEventPatternError('Value of numeric must be an array.');
  }
  const operator = spec[0];
  const first = operand(spec, 1, operator);
  switch (operator) {
    case '=':
      ensureLength(spec, 2);
      return (v) => v === first;
    case '<':
      ensureLength(spec, 2);
      return (v) => v < first;
    case '<=':
      ensureLength(spec, 2);
      return (v) => v <= first;
    case '>':
    case '>=': {
      const lower = operator === '>' ? (v: number) => v > first : (v: number) => v >= first;
      if (spec.length === 2) {
        return lower;
      }
      return withUpperBound(spec, first, lower);
    }
    default:
      throw new InvalidEventPatternError(`Unrecognized numeric range operator: ${JSON.stringify(operator)}`);
  }
}

function withUpperBound(
  spec: readonly unknown[],
  low: number,
  lower: (v: number) => boolean,
): (value: number) => boolean {
  const operator = spec[2];
  if (operator !== '<' && operator !== '<=') {
    throw new InvalidEventPatternError(`Bad numeric range operator: ${JSON.stringify(operator)}`);
  }
  const high = operand(spec, 3, operator);
  ensureLength(spec, 4);
  if (!(low < high)) {
    throw new InvalidEventPatternError(`Bottom must be less than top in numeric range (given ${low}, ${high})`);
  }
  return operator === '<' ? (v) => lower(v) && v < high : (v) => lower(v) && v <= high;
}

function operand(spec: readonly unknown[], index: number, operator: unknown): number {
  const value = spec[index];
  // JSON.parse turns literals beyond the double range (2.0e422) into Infinity: not representable.
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidEventPatternError(`Value of ${String(operator)} must be a finite number`);
  }
  return value;
}

function ensureLength(spec: readonly unknown[], length: number): void {
  if (spec.length !== length) {
    throw new InvalidEventPatternError('Too many elements in numeric expression');
  }
}
