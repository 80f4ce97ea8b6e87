/**
 * The dated price table of the cost model: AWS us-east-1 list prices, and the per-event prices
 * Hookdeck and Svix publish. Every line names the page it was read from and when. Prices change:
 * re-read the pages and update `checked` when they do; never change a default to fit a target.
 */

/** One price, with where and when it was read. */
export interface PriceLine {
  /** USD per `unit`. */
  readonly usd: number;
  readonly unit: string;
  readonly source: string;
  /** ISO date the source was read. */
  readonly checked: string;
  /** How the figure was obtained, when not read directly off the vendor's page. */
  readonly note?: string;
}

const CHECKED = '2026-11-25';

/** When the vendors' pricing pages were read (through the transcriptions named below). */
const VENDOR_PAGES_READ = '2026-09-20';

/** AWS us-east-1 prices. */
export const AWS_PRICES = {
  /** @see https://aws.amazon.com/api-gateway/pricing/ — "HTTP APIs are metered in 512 KB increments" (AWS whitepaper, API Gateway private APIs, cost optimization). */
  httpApiRequest: { usd: 1.0 / 1e6, unit: 'request (512 KB increment), first 300M/month', source: 'https://aws.amazon.com/api-gateway/pricing/', checked: CHECKED },
  httpApiRequestOver300M: { usd: 0.9 / 1e6, unit: 'request (512 KB increment), above 300M/month', source: 'https://aws.amazon.com/api-gateway/pricing/', checked: CHECKED },
  /** @see https://aws.amazon.com/lambda/pricing/ */
  lambdaRequest: { usd: 0.2 / 1e6, unit: 'invocation', source: 'https://aws.amazon.com/lambda/pricing/', checked: CHECKED },
  lambdaArmGbSecond: { usd: 0.0000133334, unit: 'GB-second, arm64, first 7.5B GB-s/month', source: 'https://aws.amazon.com/lambda/pricing/', checked: CHECKED },
  lambdaX86GbSecond: { usd: 0.0000166667, unit: 'GB-second, x86_64, first 6B GB-s/month', source: 'https://aws.amazon.com/lambda/pricing/', checked: CHECKED },
  lambdaFunctionUrl: { usd: 0, unit: 'request', source: 'https://aws.amazon.com/lambda/pricing/', checked: CHECKED, note: 'function URLs carry no charge beyond the invocation' },
  /** @see https://aws.amazon.com/eventbridge/pricing/ — "Each 64 KB chunk of a payload is billed as one event". */
  eventBridgeCustomEvent: { usd: 1.0 / 1e6, unit: 'custom event (64 KB chunk)', source: 'https://aws.amazon.com/eventbridge/pricing/', checked: CHECKED },
  eventBridgeArchiveProcessed: { usd: 0.1, unit: 'GB archived (processed)', source: 'https://aws.amazon.com/eventbridge/pricing/', checked: CHECKED },
  eventBridgeArchiveStorage: { usd: 0.023, unit: 'GB-month stored', source: 'https://aws.amazon.com/eventbridge/pricing/', checked: CHECKED },
  eventBridgeReplay: { usd: 1.0 / 1e6, unit: 'replayed event (64 KB chunk)', source: 'https://aws.amazon.com/eventbridge/pricing/', checked: CHECKED, note: 'replayed events are billed as custom events' },
  /** @see https://aws.amazon.com/sqs/pricing/ — every 64 KB chunk of a request's payload is one request. */
  sqsRequest: { usd: 0.4 / 1e6, unit: 'standard-queue request (64 KB chunk), first 100B/month', source: 'https://aws.amazon.com/sqs/pricing/', checked: CHECKED },
  /** @see https://aws.amazon.com/dynamodb/pricing/on-demand/ */
  dynamoWriteUnit: { usd: 0.625 / 1e6, unit: 'on-demand write request unit (1 KB)', source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/', checked: CHECKED },
  dynamoReadUnit: { usd: 0.125 / 1e6, unit: 'on-demand read request unit (4 KB strongly consistent)', source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/', checked: CHECKED },
  dynamoStorage: { usd: 0.25, unit: 'GB-month (Standard table class, beyond 25 GB free)', source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/', checked: CHECKED },
  dynamoPitr: {
    usd: 0.2,
    unit: 'GB-month of table size with point-in-time recovery',
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    checked: CHECKED,
    note: 'the AWS page was not readable here; the figure is as third-party summaries quote it (finops.com.py/services/dynamodb/backups)',
  },
  /** @see https://aws.amazon.com/secrets-manager/pricing/ */
  secret: { usd: 0.4, unit: 'secret-month', source: 'https://aws.amazon.com/secrets-manager/pricing/', checked: CHECKED },
  secretApiCall: { usd: 0.05 / 10_000, unit: 'API call', source: 'https://aws.amazon.com/secrets-manager/pricing/', checked: CHECKED },
  /** @see https://aws.amazon.com/s3/pricing/ */
  s3Put: { usd: 0.005 / 1000, unit: 'PUT request', source: 'https://aws.amazon.com/s3/pricing/', checked: CHECKED },
  s3Get: { usd: 0.0004 / 1000, unit: 'GET request', source: 'https://aws.amazon.com/s3/pricing/', checked: CHECKED },
  s3Storage: { usd: 0.023, unit: 'GB-month (S3 Standard, first 50 TB)', source: 'https://aws.amazon.com/s3/pricing/', checked: CHECKED },
  /** @see https://aws.amazon.com/cloudwatch/pricing/ */
  logsIngested: { usd: 0.5, unit: 'GB ingested (Standard log class)', source: 'https://aws.amazon.com/cloudwatch/pricing/', checked: CHECKED },
  logsStored: { usd: 0.03, unit: 'GB-month archived', source: 'https://aws.amazon.com/cloudwatch/pricing/', checked: CHECKED },
  customMetric: { usd: 0.3, unit: 'custom metric-month (first 10,000)', source: 'https://aws.amazon.com/cloudwatch/pricing/', checked: CHECKED },
  alarmMetric: {
    usd: 0.1,
    unit: 'alarm metric-month (standard resolution)',
    source: 'https://aws.amazon.com/cloudwatch/pricing/',
    checked: CHECKED,
    note: 'as third-party summaries quote the page (c3x.dev); a Metrics Insights query alarm is billed per metric it analyzes, so one per alarm is a lower bound',
  },
  /** @see https://aws.amazon.com/xray/pricing/ — $5.00 per million traces recorded beyond the 100,000 free each month. */
  xrayTraceRecorded: { usd: 5.0 / 1e6, unit: 'trace recorded', source: 'https://aws.amazon.com/xray/pricing/', checked: CHECKED, note: 'read on the German and Chinese editions of the page (aws.amazon.com/de/xray/pricing/), same figure and worked example' },
} as const satisfies Record<string, PriceLine>;

/**
 * Published per-event prices of hosted webhook services, for comparison. Neither vendor's page is
 * reachable from here: both were read through the api-evangelist transcriptions of the pages
 * (`plans/*-plans-pricing.yml`, "every price_text was found verbatim in the fetched page text"),
 * which read the pages on 2026-09-20; `checked` is that date. Re-read the pages themselves before
 * quoting these figures.
 */
export const VENDOR_PRICES = {
  /** Hookdeck Event Gateway: "$1.00 per additional 100k" events, "Event pricing as low as $0.33 per 100k"; plans from $39/month (Team). */
  hookdeckBest: {
    usd: 0.33 / 100_000,
    unit: 'event (best published volume rate)',
    source: 'https://hookdeck.com/pricing',
    checked: VENDOR_PAGES_READ,
    note: 'via https://github.com/api-evangelist/hookdeck/blob/main/plans/hookdeck-plans-pricing.yml (transcription re-read 2026-11-25); hookdeck.com is not reachable from here',
  },
  hookdeckPayAsYouGo: { usd: 1.0 / 100_000, unit: 'event (pay-as-you-go)', source: 'https://hookdeck.com/pricing', checked: VENDOR_PAGES_READ, note: 'same transcription as hookdeckBest' },
  /** Svix: Professional "from $ 490 / month" with 50,000 messages, then "$0.0001 per msg". */
  svixOverage: {
    usd: 0.0001,
    unit: 'message beyond the plan',
    source: 'https://www.svix.com/pricing/',
    checked: VENDOR_PAGES_READ,
    note: 'via https://github.com/api-evangelist/svix/blob/main/plans/svix-plans-pricing.yml (transcription re-read 2026-11-25); svix.com is not reachable from here',
  },
} as const satisfies Record<string, PriceLine>;

/** The price table as one object, e.g. for `--json` output or a test. */
export type PriceTable = typeof AWS_PRICES;
