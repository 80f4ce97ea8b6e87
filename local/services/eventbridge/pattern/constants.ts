/**
 * Operator names of the EventBridge content-filtering language.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 */
export const OPERATORS = {
  prefix: 'prefix',
  suffix: 'suffix',
  anythingBut: 'anything-but',
  numeric: 'numeric',
  exists: 'exists',
  cidr: 'cidr',
  equalsIgnoreCase: 'equals-ignore-case',
  wildcard: 'wildcard',
} as const;

/** The key that introduces an OR of sub-patterns. */
export const OR_KEYWORD = '$or';

/**
 * Field names that may not appear inside a `$or` branch, as in event-ruler's
 * `RESERVED_FIELD_NAMES_IN_OR_RELATIONSHIP` (the operator names), because
 * `{"$or": [{"numeric": ...}]}` would be ambiguous.
 *
 * @see https://github.com/aws/event-ruler#the-or-primitive
 */
export const RESERVED_IN_OR: ReadonlySet<string> = new Set([...Object.values(OPERATORS), 'exactly']);

/** Numeric comparison operators accepted by `numeric`. */
export const NUMERIC_OPERATORS = ['=', '<', '<=', '>', '>='] as const;
