import { BATCH_ENTRY_ID_PATTERN, MAX_BATCH_ENTRIES } from './constants.js';
import {
  BatchEntryIdsNotDistinctError,
  EmptyBatchRequestError,
  InvalidBatchEntryIdError,
  SqsError,
  TooManyEntriesInBatchRequestError,
} from './errors.js';
import type { BatchEntryResult } from './types.js';

/**
 * Throws what fails a whole batch request: no entries, more than 10, an invalid or repeated Id.
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html
 */
export function validateBatchEntries(entries: readonly { readonly Id: string }[] | undefined, entryType: string): void {
  if (!entries || entries.length === 0) throw new EmptyBatchRequestError(entryType);
  if (entries.length > MAX_BATCH_ENTRIES) throw new TooManyEntriesInBatchRequestError(entries.length);
  const seen = new Set<string>();
  for (const entry of entries) {
    if (typeof entry.Id !== 'string' || !BATCH_ENTRY_ID_PATTERN.test(entry.Id)) throw new InvalidBatchEntryIdError();
    if (seen.has(entry.Id)) throw new BatchEntryIdsNotDistinctError(entry.Id);
    seen.add(entry.Id);
  }
}

/**
 * Validates a batch request (see {@link validateBatchEntries}) and then runs `each` per entry,
 * turning an SqsError of one entry into a failed entry while the others go on.
 */
export function runBatch<E extends { readonly Id: string }, T>(
  entries: readonly E[] | undefined,
  entryType: string,
  each: (entry: E) => T,
): BatchEntryResult<T>[] {
  validateBatchEntries(entries, entryType);
  return (entries ?? []).map((entry): BatchEntryResult<T> => {
    try {
      return { id: entry.Id, ok: true, value: each(entry) };
    } catch (error) {
      if (!(error instanceof SqsError)) throw error;
      return { id: entry.Id, ok: false, code: error.code, message: error.message, senderFault: error.fault === 'Sender' };
    }
  });
}
