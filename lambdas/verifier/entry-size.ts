import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';

/**
 * The size EventBridge charges a PutEvents entry against its limit: 14 bytes for `Time` when set,
 * plus the UTF-8 bytes of `Source`, `DetailType`, `Detail` and each `Resources` entry.
 * `EventBusName` does not count. `detailBytes` is the size of `Detail` when the caller already
 * knows it (see `serializeDetail`), so a large `Detail` is not scanned again.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html
 */
export function putEventsEntrySize(entry: PutEventsRequestEntry, detailBytes?: number): number {
  let size = entry.Time === undefined ? 0 : 14;
  size += Buffer.byteLength(entry.Source ?? '', 'utf8');
  size += Buffer.byteLength(entry.DetailType ?? '', 'utf8');
  size += detailBytes ?? Buffer.byteLength(entry.Detail ?? '', 'utf8');
  for (const resource of entry.Resources ?? []) size += Buffer.byteLength(resource, 'utf8');
  return size;
}
