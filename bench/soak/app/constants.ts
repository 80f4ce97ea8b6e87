/**
 * Names shared by the soak fixture app, its handlers and the soak run. Plain values only: the
 * handlers import this file and are bundled by esbuild for Lambda.
 */

/** Stack name of the soak app (the top-level key of its outputs file). */
export const SOAK_STACK_NAME = 'HookbridgeSoak';

/** Context key: base URL of the downstream HTTP server the soak run starts (no trailing `/`). */
export const SOAK_DOWNSTREAM_CONTEXT = 'hookbridge-soak:downstreamUrl';

/** The one source of the soak app (GitHub scheme: the delivery id is a header, so repeats are exact). */
export const SOAK_SOURCE = 'github';

/** Output key of the flag table (the poison switch). */
export const SOAK_FLAG_TABLE_OUTPUT = 'FlagTableName';

/** The flag item the poison consumer reads: `{ pk: 'poison', state: 'broken' | 'fixed' }`. */
export const SOAK_POISON_FLAG = 'poison';

/** Environment variables of the soak consumers. */
export const SOAK_FLAG_TABLE_ENV = 'SOAK_FLAG_TABLE';
export const SOAK_REPORT_URL_ENV = 'SOAK_REPORT_URL';

/** The soak consumers (plus `audit-log`, added by the stack for every event). */
export const SoakConsumers = {
  /** Every event: one downstream call per unique delivery. */
  ledger: 'ledger',
  /** `flaky.*` events: the downstream answers 503 to the first attempt of each key. */
  flaky: 'flaky',
  /** `poison.*` events: fails while the poison flag says `broken`. */
  poison: 'poison',
} as const;

/** Downstream paths, one per consumer. */
export const SoakPaths = {
  ledger: '/ledger',
  flaky: '/flaky',
  poison: '/poison',
} as const;

/** Event types (`X-GitHub-Event`) that select the consumers. */
export const SoakTypes = {
  plain: 'push',
  flaky: 'flaky.push',
  poison: 'poison.push',
} as const;

/**
 * Function timeout and backoff of the soak consumers: retries within seconds. The timeout is kept
 * well above a batch's time on a loaded 2-core machine: a timeout after a downstream call but before
 * the idempotency record is completed repeats that call (at-least-once), and the soak counts that as doubled.
 */
export const SOAK_TIMEOUT_SECONDS = 8;
export const SOAK_BACKOFF_BASE_SECONDS = 1;
export const SOAK_BACKOFF_MAX_SECONDS = 2;
/** Receives before the DLQ (ledger, flaky: high, so a kill or an outage does not dead-letter them). */
export const SOAK_MAX_RECEIVE_COUNT = 8;
/** Receives before the DLQ of the poison consumer: it is meant to end there. */
export const SOAK_POISON_MAX_RECEIVE_COUNT = 2;
