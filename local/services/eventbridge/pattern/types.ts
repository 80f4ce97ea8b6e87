/** A JSON leaf value as it appears in an event. */
export type JsonScalar = string | number | boolean | null;

/** One compiled matcher of a pattern's value list, applied to one leaf value of the event. */
export type ValueTest = (value: JsonScalar) => boolean;

/** The compiled value list of one pattern field (`"state": [ ... ]`); its entries are ORed. */
export interface LeafRule {
  readonly tests: readonly ValueTest[];
  /** `{"exists": true}` is in the list. */
  readonly existsTrue: boolean;
  /** `{"exists": false}` is in the list. */
  readonly existsFalse: boolean;
}

/** One field of a compiled pattern object: either a value list or a nested object. */
export type FieldRule =
  | { readonly key: string; readonly kind: 'leaf'; readonly leaf: LeafRule }
  | { readonly key: string; readonly kind: 'object'; readonly object: ObjectRule };

/** A compiled pattern object: every field must hold (AND), and in every `$or` group one branch must hold. */
export interface ObjectRule {
  readonly fields: readonly FieldRule[];
  readonly anyOf: readonly (readonly ObjectRule[])[];
}
