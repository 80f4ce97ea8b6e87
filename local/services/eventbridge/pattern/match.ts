import type { JsonScalar, LeafRule, ObjectRule } from './types.js';

type JsonObject = Record<string, unknown>;

const EMPTY: JsonObject = Object.freeze({}) as JsonObject;

/**
 * Evaluates a compiled pattern object against one object of the event.
 *
 * Arrays in the event (nested arrays flattened) match if any element matches. A nested pattern
 * object is satisfied by ONE element of an array of objects, so fields matched together come from
 * the same element (event-ruler's "array consistency"). A missing or non-object value is an empty
 * object, so `{"exists": false}` below it holds.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-arrays.html
 */
export function matchObject(rule: ObjectRule, node: JsonObject): boolean {
  for (const field of rule.fields) {
    const value = Object.prototype.hasOwnProperty.call(node, field.key) ? node[field.key] : undefined;
    const ok =
      field.kind === 'leaf' ? matchLeaf(field.leaf, value) : objectsOf(value).some((o) => matchObject(field.object, o));
    if (!ok) {
      return false;
    }
  }
  return rule.anyOf.every((branches) => branches.some((branch) => matchObject(branch, node)));
}

/**
 * Exists matching "only works on leaf nodes": an object value counts as absent, so
 * `{"exists": false}` holds for it and `{"exists": true}` does not.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-exists-matching
 */
function matchLeaf(leaf: LeafRule, value: unknown): boolean {
  const scalars = scalarsOf(value);
  if (scalars.length === 0) {
    return leaf.existsFalse;
  }
  if (leaf.existsTrue) {
    return true;
  }
  return scalars.some((v) => leaf.tests.some((test) => test(v)));
}

function scalarsOf(value: unknown): JsonScalar[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(scalarsOf);
  if (value !== null && typeof value === 'object') return [];
  return [value as JsonScalar];
}

function objectsOf(value: unknown): JsonObject[] {
  const found = collectObjects(value);
  return found.length > 0 ? found : [EMPTY];
}

function collectObjects(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(collectObjects);
  if (value !== null && typeof value === 'object') return [value as JsonObject];
  return [];
}
