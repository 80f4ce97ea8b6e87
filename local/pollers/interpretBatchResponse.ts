import type { InvocationResult } from '../lambda/types.js';
import type { BatchOutcome } from './types.js';

/**
 * Decides what happens to a batch after the function returns, as Lambda does for SQS:
 *
 * - the invocation failed (error, timeout, crash) → nothing is deleted; the whole batch returns
 *   after its visibility timeout;
 * - success without `ReportBatchItemFailures` → every record is deleted;
 * - with `ReportBatchItemFailures`: a null/empty response or an empty/null `batchItemFailures` list
 *   is complete success; the listed `itemIdentifier`s are failures and the rest is deleted; an
 *   invalid response — an empty or null `itemIdentifier`, a bad key name, an id not in the batch,
 *   a response that is not an object — fails the whole batch.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html#services-sqs-batchfailurereporting
 *   ("Success and failure conditions"). The docs are silent on a non-object response such as a bare
 *   string; it is treated as invalid (whole batch fails), the safe side.
 */
export function interpretBatchResponse(
  result: InvocationResult,
  messageIds: readonly string[],
  reportBatchItemFailures: boolean,
): BatchOutcome {
  if (result.status === 'error') {
    return { deleteMessageIds: [], failedMessageIds: messageIds, reason: `${result.error.errorType}: ${result.error.errorMessage}` };
  }
  if (!reportBatchItemFailures) return { deleteMessageIds: messageIds, failedMessageIds: [] };

  const whole = (reason: string): BatchOutcome => ({ deleteMessageIds: [], failedMessageIds: messageIds, reason });
  const payload = result.payload;
  if (payload === null || payload === undefined) return { deleteMessageIds: messageIds, failedMessageIds: [] };
  if (typeof payload !== 'object' || Array.isArray(payload)) return whole('invalid partial batch response: not an object');
  const list = (payload as { batchItemFailures?: unknown }).batchItemFailures;
  if (list === null || list === undefined) return { deleteMessageIds: messageIds, failedMessageIds: [] };
  if (!Array.isArray(list)) return whole('invalid partial batch response: batchItemFailures is not a list');

  const inBatch = new Set(messageIds);
  const failed = new Set<string>();
  for (const item of list as unknown[]) {
    if (item === null || typeof item !== 'object' || !('itemIdentifier' in item)) {
      return whole('invalid partial batch response: an entry has no itemIdentifier');
    }
    const id = (item as { itemIdentifier: unknown }).itemIdentifier;
    if (typeof id !== 'string' || id === '') return whole('invalid partial batch response: empty or null itemIdentifier');
    if (!inBatch.has(id)) return whole(`invalid partial batch response: itemIdentifier ${id} is not in the batch`);
    failed.add(id);
  }
  return {
    deleteMessageIds: messageIds.filter((id) => !failed.has(id)),
    failedMessageIds: messageIds.filter((id) => failed.has(id)),
  };
}
