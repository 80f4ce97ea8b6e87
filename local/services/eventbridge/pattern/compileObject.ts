import { compileLeaf } from './compileLeaf.js';
import { OR_KEYWORD, RESERVED_IN_OR } from './constants.js';
import { InvalidEventPatternError } from './errors.js';
import type { FieldRule, ObjectRule } from './types.js';

/**
 * Compiles (and so validates) one pattern object. A field's value is a non-empty list of matchers
 * or a non-empty nested object; `$or` takes a list of at least two non-empty objects.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-complex-example-or
 * @see https://github.com/aws/event-ruler/blob/main/src/main/software/amazon/event/ruler/JsonRuleCompiler.java (parseObject)
 */
export function compileObject(pattern: unknown, insideOr = false): ObjectRule {
  if (pattern === null || typeof pattern !== 'object' || Array.isArray(pattern)) {
    throw new InvalidEventPatternError('Event pattern must be a JSON object');
  }
  const entries = Object.entries(pattern as Record<string, unknown>);
  if (entries.length === 0) {
    throw new InvalidEventPatternError('Empty objects are not allowed');
  }
  const fields: FieldRule[] = [];
  const anyOf: ObjectRule[][] = [];
  for (const [key, value] of entries) {
    if (key === OR_KEYWORD) {
      anyOf.push(compileOr(value));
      continue;
    }
    if (insideOr && RESERVED_IN_OR.has(key)) {
      throw new InvalidEventPatternError(`${key} is a reserved field name which cannot be used inside ${OR_KEYWORD}.`);
    }
    if (Array.isArray(value)) {
      fields.push({ key, kind: 'leaf', leaf: compileLeaf(value, key) });
    } else if (value !== null && typeof value === 'object') {
      fields.push({ key, kind: 'object', object: compileObject(value, insideOr) });
    } else {
      throw new InvalidEventPatternError(`"${key}" must be an object or an array`);
    }
  }
  return { fields, anyOf };
}

function compileOr(value: unknown): ObjectRule[] {
  if (!Array.isArray(value)) {
    throw new InvalidEventPatternError(`It must be an Array followed with ${OR_KEYWORD}.`);
  }
  const branches = value.map((branch) => {
    if (branch === null || typeof branch !== 'object' || Array.isArray(branch)) {
      throw new InvalidEventPatternError(`Only JSON object is allowed in array of ${OR_KEYWORD} relationship.`);
    }
    return compileObject(branch, true);
  });
  if (branches.length < 2) {
    throw new InvalidEventPatternError(`There must have at least 2 Objects in ${OR_KEYWORD} relationship.`);
  }
  return branches;
}
