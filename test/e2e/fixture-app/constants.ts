/**
 * Names shared by the e2e fixture app, its handlers and the e2e tests. Plain values only: the
 * handlers import this file and are bundled by esbuild for Lambda.
 */

/** Stack name of the fixture app (the top-level key of its outputs file). */
export const FIXTURE_STACK_NAME = 'HookbridgeE2E';

/** Context key: base URL of the downstream HTTP server the test starts (ends without `/`). */
export const DOWNSTREAM_CONTEXT = 'hookbridge-e2e:downstreamUrl';

/** Context key: claim-check threshold of the `bulk` source, bytes. */
export const CLAIM_CHECK_THRESHOLD_CONTEXT = 'hookbridge-e2e:claimCheckThreshold';

/** Default claim-check threshold of the `bulk` source: 4 KiB, so a test payload is easily over it. */
export const DEFAULT_CLAIM_CHECK_THRESHOLD = 4096;

/** Output key of the flag table (poison switch, AccessDenied target). */
export const FLAG_TABLE_OUTPUT = 'FlagTableName';

/** Partition key of the flag table. */
export const FLAG_KEY = 'pk';

/** The flag item the poison consumer reads: `{ pk: 'poison', state: 'broken' | 'fixed' }`. */
export const POISON_FLAG = 'poison';

/** Environment variable of the fixture consumers: the flag table. */
export const FLAG_TABLE_ENV = 'E2E_FLAG_TABLE';

/** Environment variable of the fixture consumers: where they report what they did. */
export const REPORT_URL_ENV = 'E2E_REPORT_URL';

/** The sources of the fixture app, by scheme. `partner` and `bulk` exist only here. */
export const FixtureSources = {
  github: 'github',
  stripe: 'stripe',
  slack: 'slack',
  shopify: 'shopify',
  standard: 'standard',
  twilio: 'twilio',
  generic: 'generic',
  /** A new source (generic scheme, its own header and sha512/base64) that only the fixture has. */
  partner: 'partner',
  /** Generic source with a low claim-check threshold. */
  bulk: 'bulk',
} as const;

/** Header and options of the `partner` source (generic scheme). */
export const PARTNER_SIGNATURE_HEADER = 'X-Partner-Signature';

/** The consumers of the fixture app (plus `audit-log`, added by the stack). */
export const FixtureConsumers = {
  /** Production crm-sync handler, downstream = the test server. */
  crmSync: 'crm-sync',
  /** New rule + consumer on the new source: `partner` events of type `ledger.*`. */
  ledger: 'ledger',
  /** Fails while the downstream answers 503 (the first attempts per event). */
  flaky: 'flaky',
  /** Fails while the poison flag says `broken`. */
  poison: 'poison',
  /** Calls dynamodb:PutItem on the flag table without a grant. */
  denied: 'denied',
  /** Receives claim-checked payloads of the `bulk` source. */
  bulkSink: 'bulk-sink',
  /** Not idempotent: reports every delivery of `replay.*` events (proves a replay re-delivered). */
  witness: 'witness',
} as const;

/** Downstream paths the consumers call, relative to the downstream base URL. */
export const DownstreamPaths = {
  crmSync: '/crm-sync',
  ledger: '/ledger',
  flaky: '/flaky',
  poison: '/poison',
  denied: '/denied',
  bulkSink: '/bulk-sink',
  witness: '/witness',
} as const;

/** Event types (partner source) that select each fixture consumer. */
export const PartnerTypes = {
  ledgerPrefix: 'ledger.',
  flakyPrefix: 'flaky.',
  poisonPrefix: 'poison.',
  deniedPrefix: 'denied.',
  replayPrefix: 'replay.',
} as const;

/**
 * Function timeout of the fixture consumers: generous, because a cold start on a busy CI machine
 * can take seconds, and a timed-out invocation repeats its side effect on retry.
 */
export const FIXTURE_TIMEOUT_SECONDS = 10;
/**
 * Visibility timeout of the fixture queues (escape hatch: the construct's default is 6 × the
 * function timeout). Messages in flight at a SIGKILL come back after this; AWS only requires it to
 * be at least the function timeout for an event source mapping.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
 */
export const FIXTURE_VISIBILITY_SECONDS = 15;
/** Backoff of the fixture consumers: retries within seconds. */
export const FIXTURE_BACKOFF_BASE_SECONDS = 1;
export const FIXTURE_BACKOFF_MAX_SECONDS = 2;
/** Receives before the DLQ for the failing consumers. */
export const FIXTURE_MAX_RECEIVE_COUNT = 3;
/** Receives before the DLQ for the poison consumer (kept low: it is meant to end in the DLQ). */
export const POISON_MAX_RECEIVE_COUNT = 2;
