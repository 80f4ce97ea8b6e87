/** The fields of a PutEvents entry that count towards its size. */
export interface SizedEntry {
  readonly Time?: unknown;
  readonly Source?: string;
  readonly DetailType?: string;
  readonly Detail?: string;
  readonly Resources?: readonly (string | null | undefined)[];
}

/**
 * The size of a PutEvents entry as AWS computes it: 14 bytes if `Time` is given, plus the UTF-8
 * bytes of `Source`, `DetailType`, `Detail` and each entry of `Resources`.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html
 */
export function computeEntrySize(entry: SizedEntry): number {
  let size = entry.Time !== undefined && entry.Time !== null ? 14 : 0;
  size += utf8(entry.Source) + utf8(entry.DetailType) + utf8(entry.Detail);
  for (const resource of entry.Resources ?? []) {
    size += utf8(resource ?? undefined);
  }
  return size;
}

function utf8(text: string | undefined): number {
  return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
}
