import { randomUUID } from 'node:crypto';
import { busNameOf } from '../arns.js';
import { MAX_ENTRIES_PER_PUT, MAX_ENTRY_BYTES } from '../constants.js';
import { computeEntrySize } from '../entrySize.js';
import { InternalError, ValidationError } from '../errors.js';
import { EventPattern } from '../pattern/index.js';
import type { EventEnvelope } from '../types.js';
import type { Input, OperationContext } from './context.js';
import { requireString, timestampMs } from './input.js';
import { routeEvent } from './routeEvent.js';

type ResultEntry = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

/**
 * PutEvents. Each entry gets a result in request order: an `EventId`, or `ErrorCode` +
 * `ErrorMessage` (counted in `FailedEntryCount`).
 *
 * Local guarantee, stronger than AWS: the answer is sent only after every matched target's
 * delivery has ended (delivered, dead-lettered or failed), so a 2xx upstream means the message is
 * in its queue. An entry for a bus that does not exist gets an `EventId` and goes nowhere, as on
 * AWS (aws/aws-cli#9186; LocalStack's AWS-validated test in localstack#8264); it is counted in
 * `metrics().unroutedEntries`.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEventsResultEntry.html
 */
export async function putEvents(ctx: OperationContext, input: Input): Promise<Record<string, unknown>> {
  if (ctx.now() < ctx.faults.putEventsFailingUntil) {
    throw new InternalError('PutEvents is failing (local fault injection).');
  }
  const entries = input.Entries;
  if (!Array.isArray(entries) || entries.length === 0 || entries.length > MAX_ENTRIES_PER_PUT) {
    throw new ValidationError(
      `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length between 1 and ${MAX_ENTRIES_PER_PUT}`,
    );
  }
  const deliveries: Promise<unknown>[] = [];
  const results = entries.map((entry: Input): ResultEntry => {
    const checked = checkEntry(entry);
    if ('ErrorCode' in checked) {
      return checked;
    }
    const ingestedAt = ctx.now();
    const event: EventEnvelope = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType as string,
      source: entry.Source as string,
      account: ctx.state.scope.accountId,
      time: isoSeconds(timestampMs(entry.Time, 'Time') ?? ingestedAt),
      region: ctx.state.scope.region,
      resources: Array.isArray(entry.Resources) ? (entry.Resources as string[]) : [],
      detail: checked.detail,
    };
    const bus = ctx.state.buses.get(busNameOf(entry.EventBusName as string | undefined));
    if (bus === undefined) {
      ctx.dispatcher.metrics.unroutedEntries++;
    } else {
      deliveries.push(routeEvent(ctx, bus, event, { ingestedAt }));
    }
    return { EventId: event.id };
  });
  await Promise.all(deliveries);
  return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
}

function checkEntry(entry: Input): { detail: Record<string, unknown> } | { ErrorCode: string; ErrorMessage: string } {
  for (const key of ['Source', 'DetailType', 'Detail'] as const) {
    if (typeof entry?.[key] !== 'string' || entry[key] === '') {
      return { ErrorCode: 'InvalidArgument', ErrorMessage: `Parameter ${key} is not valid. Reason: ${key} is a required argument.` };
    }
  }
  const size = computeEntrySize(entry as Parameters<typeof computeEntrySize>[0]);
  if (size > MAX_ENTRY_BYTES) {
    // The docs list the per-entry codes but do not say which one an oversize entry gets;
    // InvalidArgument ("A specified parameter is not valid") is the closest documented one.
    return {
      ErrorCode: 'InvalidArgument',
      ErrorMessage: `Entry size ${size} bytes exceeds the ${MAX_ENTRY_BYTES}-byte limit.`,
    };
  }
  let detail: unknown;
  try {
    detail = JSON.parse(entry.Detail as string);
  } catch {
    detail = undefined;
  }
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) {
    return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  }
  return { detail: detail as Record<string, unknown> };
}

/** Event `time`: ISO 8601 at second precision, as EventBridge writes it (`2017-10-02T16:24:49Z`). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const MANDATORY_EVENT_FIELDS = ['id', 'account', 'source', 'time', 'region', 'resources', 'detail-type'];

/**
 * TestEventPattern. The event must carry `id`, `account`, `source`, `time`, `region`, `resources`
 * and `detail-type`; the docs do not name the exception for a missing one (ValidationException here).
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_TestEventPattern.html
 */
export function testEventPattern(_ctx: OperationContext, input: Input): Record<string, unknown> {
  const pattern = EventPattern.compile(requireString(input, 'EventPattern'));
  let event: unknown;
  try {
    event = JSON.parse(requireString(input, 'Event'));
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError('Parameter Event is not valid JSON.');
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    throw new ValidationError('Parameter Event must be a JSON object.');
  }
  const missing = MANDATORY_EVENT_FIELDS.filter((field) => !(field in event));
  if (missing.length > 0) {
    throw new ValidationError(`Parameter Event is not valid. Missing: ${missing.join(', ')}`);
  }
  return { Result: pattern.matches(event as Record<string, unknown>) };
}
