/** Fields of an `application/x-www-form-urlencoded` body; a repeated name keeps every value. */
export type FormFields = Record<string, string | string[]>;

/**
 * Parses a form-encoded body the one way hookbridge does everywhere: the verifier when it builds
 * `data`, the consumer kit when it reads a claim-checked payload back. `+` means space and
 * percent-escapes are decoded (WHATWG `URLSearchParams` rules). A name that appears more than once
 * becomes an array in arrival order, so no value a vendor sent is silently dropped.
 */
export function parseForm(text: string): FormFields {
  const fields: FormFields = Object.create(null) as FormFields;
  for (const [name, value] of new URLSearchParams(text)) {
    const existing = fields[name];
    if (existing === undefined) fields[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else fields[name] = [existing, value];
  }
  // A null-prototype object keeps `__proto__` as an ordinary field; hand back a plain one.
  return { ...fields };
}
