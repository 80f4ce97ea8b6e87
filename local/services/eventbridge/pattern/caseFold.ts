/**
 * Folds a string for `equals-ignore-case` comparisons. AWS documents the operator as
 * case-insensitive without naming the folding rules; we use Unicode default lower-casing.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-equals-ignore-case-matching
 */
export function caseFold(text: string): string {
  return text.toLowerCase();
}
