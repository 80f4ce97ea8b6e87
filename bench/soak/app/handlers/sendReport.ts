import type { ConsumerContext, ConsumerEvent } from '../../../../lambdas/consumers/kit/index.js';
import { SOAK_REPORT_URL_ENV } from '../constants.js';

/** Thrown when the downstream server does not answer 2xx: the kit retries the event with backoff. */
export class ReportRejectedError extends Error {
  public constructor(public readonly status: number, url: string) {
    super(`downstream ${url} answered ${status}`);
    this.name = 'ReportRejectedError';
  }
}

/**
 * POSTs `{consumer, key, receiveCount, replayName?}` to `SOAK_REPORT_URL` with an
 * `Idempotency-Key: source#id` header; a non-2xx answer throws (the downstream decides failures).
 */
export async function sendReport(event: ConsumerEvent, context: ConsumerContext): Promise<void> {
  const url = process.env[SOAK_REPORT_URL_ENV];
  if (!url) throw new Error(`${SOAK_REPORT_URL_ENV} is not set`);
  const key = `${event.source}#${event.id}`;
  let replayName: string | undefined;
  try {
    replayName = (JSON.parse(context.record.body) as { 'replay-name'?: string })['replay-name'];
  } catch {
    replayName = undefined;
  }
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ consumer: context.consumer, key, receiveCount: context.receiveCount, replayName }),
    signal: AbortSignal.timeout(2_500),
  });
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new ReportRejectedError(response.status, url);
}
