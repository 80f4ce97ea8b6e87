import { compileAnythingBut } from './anythingBut.js';
import { caseFold } from './caseFold.js';
import { compileCidr, parseIp } from './cidr.js';
import { OPERATORS } from './constants.js';
import { InvalidEventPatternError } from './errors.js';
import { compileNumeric } from './numeric.js';
import type { JsonScalar, LeafRule, ValueTest } from './types.js';
import { compileWildcard } from './wildcard.js';

/**
 * Compiles the value list of one pattern field (`"state": ["running", {"prefix": "init"}]`).
 * Entries are ORed. Exact strings that are IP addresses also match other spellings of the same
 * address, and exact numbers match numerically (`300` matches `3.0e2`), as event-ruler does.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 */
export function compileLeaf(list: readonly unknown[], field: string): LeafRule {
  if (list.length === 0) {
    throw new InvalidEventPatternError(`Empty arrays are not allowed ("${field}")`);
  }
  const tests: ValueTest[] = [];
  let existsTrue = false;
  let existsFalse = false;
  for (const entry of list) {
    if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) {
      const compiled = compileMatchExpression(entry as Record<string, unknown>);
      if (compiled === true) {
        existsTrue = true;
      } else if (compiled === false) {
        existsFalse = true;
      } else {
        tests.push(compiled);
      }
    } else {
      tests.push(compileExact(entry));
    }
  }
  return { tests, existsTrue, existsFalse };
}

function compileExact(entry: unknown): ValueTest {
  if (typeof entry === 'string') {
    const ip = parseIp(entry);
    if (ip === undefined) {
      return (v) => v === entry;
    }
    return (v) => {
      if (v === entry) return true;
      if (typeof v !== 'string') return false;
      const other = parseIp(v);
      return other !== undefined && other.v6 === ip.v6 && other.value === ip.value;
    };
  }
  if (typeof entry === 'number') {
    if (!Number.isFinite(entry)) {
      throw new InvalidEventPatternError('Number is not representable as a double');
    }
    return (v) => v === entry;
  }
  if (entry === null || typeof entry === 'boolean') {
    return (v) => v === entry;
  }
  throw new InvalidEventPatternError('Match value must be String, number, true, false, or null');
}

/** Returns a value test, or `true`/`false` for `{"exists": true|false}`. */
function compileMatchExpression(expression: Record<string, unknown>): ValueTest | boolean {
  const keys = Object.keys(expression);
  if (keys.length === 0) {
    throw new InvalidEventPatternError('Match expression name not found');
  }
  if (keys.length > 1) {
    throw new InvalidEventPatternError('Only one key allowed in match expression');
  }
  const operator = keys[0] as string;
  const spec = expression[operator];
  switch (operator) {
    case OPERATORS.prefix:
      return stringTest(spec, operator, (p) => (s) => s.startsWith(p), (p) => (s) => caseFold(s).startsWith(p));
    case OPERATORS.suffix:
      return stringTest(spec, operator, (p) => (s) => s.endsWith(p), (p) => (s) => caseFold(s).endsWith(p));
    case OPERATORS.equalsIgnoreCase: {
      const folded = caseFold(requireString(spec, operator));
      return (v) => typeof v === 'string' && caseFold(v) === folded;
    }
    case OPERATORS.wildcard: {
      const test = compileWildcard(spec);
      return (v) => typeof v === 'string' && test(v);
    }
    case OPERATORS.numeric: {
      const test = compileNumeric(spec);
      return (v) => typeof v === 'number' && test(v);
    }
    case OPERATORS.cidr: {
      const test = compileCidr(spec);
      return (v) => typeof v === 'string' && test(v);
    }
    case OPERATORS.anythingBut:
      return compileAnythingBut(spec);
    case OPERATORS.exists:
      if (typeof spec !== 'boolean') {
        throw new InvalidEventPatternError('exists match pattern must be either true or false.');
      }
      return spec;
    default:
      // event-ruler also knows "exactly"; EventBridge documents no such operator.
      throw new InvalidEventPatternError(`Unrecognized match type ${operator}`);
  }
}

/** `prefix`/`suffix`: a string, or `{"equals-ignore-case": string}`. */
function stringTest(
  spec: unknown,
  operator: string,
  exact: (p: string) => (s: string) => boolean,
  ignoreCase: (folded: string) => (s: string) => boolean,
): ValueTest {
  let test: (s: string) => boolean;
  if (typeof spec === 'string') {
    test = exact(spec);
  } else if (spec !== null && typeof spec === 'object' && !Array.isArray(spec)) {
    const inner = spec as Record<string, unknown>;
    const keys = Object.keys(inner);
    if (keys.length !== 1 || keys[0] !== OPERATORS.equalsIgnoreCase) {
      throw new InvalidEventPatternError(`Unsupported ${operator} pattern: ${keys.join(', ')}`);
    }
    test = ignoreCase(caseFold(requireString(inner[OPERATORS.equalsIgnoreCase], `${operator}/equals-ignore-case`)));
  } else {
    throw new InvalidEventPatternError(`${operator} match pattern must be a string`);
  }
  return (v: JsonScalar) => typeof v === 'string' && test(v);
}

function requireString(spec: unknown, operator: string): string {
  if (typeof spec !== 'string') {
    throw new InvalidEventPatternError(`${operator} match pattern must be a string`);
  }
  return spec;
}
