import { describe, expect, it } from 'vitest';
import type { InvocationResult } from '../../../local/lambda/index.js';
import { interpretBatchResponse } from '../../../local/pollers/index.js';

const ids = ['a', 'b', 'c'];
const success = (payload: unknown): InvocationResult => ({ status: 'success', requestId: 'r', durationMs: 1, coldStart: false, payload });
const failure: InvocationResult = {
  status: 'error',
  requestId: 'r',
  durationMs: 1,
  coldStart: false,
  error: { errorType: 'Error', errorMessage: 'boom', trace: [] },
};

describe('interpretBatchResponse', () => {
  it('deletes every record after a success without ReportBatchItemFailures, whatever the payload', () => {
    const outcome = interpretBatchResponse(success({ batchItemFailures: [{ itemIdentifier: 'a' }] }), ids, false);

    expect(outcome).toEqual({ deleteMessageIds: ids, failedMessageIds: [] });
  });

  it('keeps the whole batch when the invocation failed', () => {
    const outcome = interpretBatchResponse(failure, ids, true);

    expect(outcome).toEqual({ deleteMessageIds: [], failedMessageIds: ids, reason: 'Error: boom' });
  });

  it.each([
    ['a null response', null],
    ['an empty response', {}],
    ['a null batchItemFailures list', { batchItemFailures: null }],
    ['an empty batchItemFailures list', { batchItemFailures: [] }],
  ])('treats %s as complete success', (_name, payload) => {
    expect(interpretBatchResponse(success(payload), ids, true)).toEqual({ deleteMessageIds: ids, failedMessageIds: [] });
  });

  it('deletes all but the reported failures', () => {
    const outcome = interpretBatchResponse(success({ batchItemFailures: [{ itemIdentifier: 'b' }, { itemIdentifier: 'c' }] }), ids, true);

    expect(outcome).toEqual({ deleteMessageIds: ['a'], failedMessageIds: ['b', 'c'] });
  });

  it.each([
    ['an empty itemIdentifier', { batchItemFailures: [{ itemIdentifier: '' }] }, 'empty or null itemIdentifier'],
    ['a null itemIdentifier', { batchItemFailures: [{ itemIdentifier: null }] }, 'empty or null itemIdentifier'],
    ['a bad key name', { batchItemFailures: [{ messageId: 'a' }] }, 'an entry has no itemIdentifier'],
    ['an id not in the batch', { batchItemFailures: [{ itemIdentifier: 'z' }] }, 'itemIdentifier z is not in the batch'],
    ['a list that is not a list', { batchItemFailures: 'a' }, 'batchItemFailures is not a list'],
    ['a response that is not an object', 'ok', 'not an object'],
  ])('fails the whole batch on %s', (_name, payload, reason) => {
    const outcome = interpretBatchResponse(success(payload), ids, true);

    expect(outcome.deleteMessageIds).toEqual([]);
    expect(outcome.failedMessageIds).toEqual(ids);
    expect(outcome.reason).toBe(`invalid partial batch response: ${reason}`);
  });
});
