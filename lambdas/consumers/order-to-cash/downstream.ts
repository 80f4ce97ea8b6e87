import type { Logger } from '@aws-lambda-powertools/logger';
import { DOWNSTREAM_TIMEOUT_MS, DOWNSTREAM_URL_ENV } from './constants.js';
import { DownstreamError } from './errors.js';
import type { DownstreamOutcome } from './types.js';

/** One call to a consumer's downstream system. */
export interface DownstreamCall {
  /** The consumer making the call, sent as the `consumer` field and `X-Hookbridge-Consumer` header. */
  readonly consumer: string;
  /** `source#id` of the event: the downstream can drop a repeated call on it. */
  readonly idempotencyKey: string;
  /** What the downstream system needs, already mapped from the order. */
  readonly payload: unknown;
}

/** Options of {@link callDownstream}. */
export interface DownstreamOptions {
  readonly logger: Logger;
  /** @default - `HOOKBRIDGE_DOWNSTREAM_URL`; unset → the call is only logged */
  readonly url?: string;
  /** @default 10000 */
  readonly timeoutMs?: number;
}

/**
 * Sends one call to the downstream system: `POST` the JSON `{ consumer, idempotencyKey, payload }`
 * with an `Idempotency-Key` header (the convention Stripe and others use to let a server drop
 * retries). Any non-2xx answer, timeout or network error throws `DownstreamError`, so the event
 * is retried. Without a configured URL the call is recorded in the log only.
 *
 * @see https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/
 */
export const callDownstream = async (call: DownstreamCall, options: DownstreamOptions): Promise<DownstreamOutcome> => {
  const url = options.url ?? (process.env[DOWNSTREAM_URL_ENV] || undefined);
  if (url === undefined) {
    options.logger.info('downstream call recorded (no HOOKBRIDGE_DOWNSTREAM_URL)', {
      consumer: call.consumer,
      idempotencyKey: call.idempotencyKey,
      payload: call.payload,
    });
    return { mode: 'recorded' };
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': call.idempotencyKey,
        'x-hookbridge-consumer': call.consumer,
      },
      body: JSON.stringify({ consumer: call.consumer, idempotencyKey: call.idempotencyKey, payload: call.payload }),
      signal: AbortSignal.timeout(options.timeoutMs ?? DOWNSTREAM_TIMEOUT_MS),
    });
  } catch (error) {
    throw new DownstreamError(call.consumer, `${call.consumer} downstream unreachable: ${(error as Error).message}`, {
      cause: error,
    });
  }
  // Drain the body so the connection can be reused; its content is not needed.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) {
    throw new DownstreamError(call.consumer, `${call.consumer} downstream answered ${response.status}`, {
      status: response.status,
    });
  }
  options.logger.info('downstream call accepted', { consumer: call.consumer, status: response.status });
  return { mode: 'http', status: response.status };
};
