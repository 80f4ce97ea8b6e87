import type { ConsumerContext, ConsumerEvent } from '../../../../lambdas/consumers/kit/index.js';
import { REPORT_URL_ENV } from '../constants.js';

/** What a fixture consumer tells the test's downstream server, as JSON. */
export interface Report {
  readonly consumer: string;
  /** `source#id`, the idempotency key downstream. */
  readonly key: string;
  readonly source: string;
  readonly id: string;
  readonly type: string;
  readonly receiveCount: number;
  /** `replay-name` of the EventBridge event when it came from an archive replay. */
  readonly replayName?: string;
  readonly data?: unknown;
  readonly data_base64?: string;
  readonly dataref?: unknown;
  /** Anything the consumer adds (e.g. the error an AWS call failed with). */
  readonly extra?: Record<string, unknown>;
}

/** Thrown when the downstream server does not answer 2xx: the kit retries the event. */
export class ReportRejectedError extends Error {
  public constructor(public readonly status: number, url: string) {
    super(`downstream ${url} answered ${status}`);
    this.name = 'ReportRejectedError';
  }
}

/** The report of one event. */
export const reportOf = (event: ConsumerEvent, context: ConsumerContext, extra?: Record<string, unknown>): Report => {
  let replayName: string | undefined;
  try {
    replayName = (JSON.parse(context.record.body) as { 'replay-name'?: string })['replay-name'];
  } catch {
    replayName = undefined;
  }
  return {
    consumer: context.consumer,
    key: `${event.source}#${event.id}`,
    source: event.source,
    id: event.id,
    type: event.type,
    receiveCount: context.receiveCount,
    ...(replayName !== undefined ? { replayName } : {}),
    ...(event.data !== undefined ? { data: event.data } : {}),
    ...(event.data_base64 !== undefined ? { data_base64: event.data_base64 } : {}),
    ...(event.dataref !== undefined ? { dataref: event.dataref } : {}),
    ...(extra !== undefined ? { extra } : {}),
  };
};

/**
 * POSTs the report to `E2E_REPORT_URL` with an `Idempotency-Key` header; a non-2xx answer throws
 * so that the server can make a consumer fail on purpose (503 → retried with backoff).
 */
export const sendReport = async (report: Report): Promise<void> => {
  const url = process.env[REPORT_URL_ENV];
  if (!url) throw new Error(`${REPORT_URL_ENV} is not set`);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': report.key },
    body: JSON.stringify(report),
    signal: AbortSignal.timeout(3_000),
  });
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new ReportRejectedError(response.status, url);
};
