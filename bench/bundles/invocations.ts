import type { HandlerEntries } from '../../lib/paths.js';
import { signedFixture } from '../verifier/fixtures.js';
import { STUB_SECRET } from './aws-stub.js';

/** A handler entry of the default app (lib/paths.ts). */
export type FunctionName = keyof typeof HandlerEntries;

/** The first invocation of one function in a fresh process: event, environment, and how to tell it worked. */
export interface Invocation {
  readonly event: unknown;
  /** `HOOKBRIDGE_*` / Powertools variables the stack sets for this function (docs/contract.md). */
  readonly env: Readonly<Record<string, string>>;
  /** Throws unless the handler's answer shows it did its whole job. */
  readonly check: (result: unknown) => void;
}

const ORDER_CONSUMERS: Readonly<Partial<Record<FunctionName, string>>> = {
  crmSync: 'crm-sync',
  fraudCheck: 'fraud-check',
  fulfillmentPrep: 'fulfillment-prep',
  financePosting: 'finance-posting',
};

/**
 * The invocation each function gets first: the verifier a signed 2 KiB GitHub delivery (it reads
 * the secret and puts one event), not-found any request, the consumers one SQS record carrying a
 * Shopify `orders/create` envelope (idempotency record written, downstream recorded in the log;
 * the audit-log consumer writes its row).
 */
export function invocationOf(name: FunctionName): Invocation {
  if (name === 'verifier' || name === 'notFound') {
    const fixture = signedFixture('github', 2048, Math.floor(Date.now() / 1000), STUB_SECRET);
    const status = name === 'verifier' ? 202 : 404;
    return {
      event: fixture.event,
      env:
        name === 'verifier'
          ? {
              POWERTOOLS_SERVICE_NAME: 'verifier-github',
              HOOKBRIDGE_SOURCE: 'github',
              HOOKBRIDGE_SCHEME: 'github',
              HOOKBRIDGE_SCHEME_OPTIONS: '{}',
              HOOKBRIDGE_EVENT_BUS_NAME: 'hookbridge-bench',
              HOOKBRIDGE_SECRET_ID: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:bench-AbCdEf',
            }
          : { POWERTOOLS_SERVICE_NAME: 'not-found' },
      check: (result) => {
        const statusCode = (result as { statusCode?: number } | undefined)?.statusCode;
        if (statusCode !== status) throw new Error(`${name} answered ${String(statusCode)}, expected ${status}: ${JSON.stringify(result)}`);
      },
    };
  }
  const consumer = name === 'auditLog' ? 'audit-log' : ORDER_CONSUMERS[name]!;
  return {
    event: { Records: [sqsRecord()] },
    env: {
      POWERTOOLS_SERVICE_NAME: consumer,
      HOOKBRIDGE_CONSUMER: consumer,
      HOOKBRIDGE_IDEMPOTENCY_TABLE: 'hookbridge-bench-idempotency',
      HOOKBRIDGE_QUEUE_URL: 'http://127.0.0.1/123456789012/bench',
      ...(name === 'auditLog' ? { HOOKBRIDGE_AUDIT_TABLE: 'hookbridge-bench-audit' } : {}),
    },
    check: (result) => {
      const failures = (result as { batchItemFailures?: unknown[] } | undefined)?.batchItemFailures;
      if (!Array.isArray(failures) || failures.length > 0) throw new Error(`${name} did not process its record: ${JSON.stringify(result)}`);
    },
  };
}

/** An SQS record whose body is the EventBridge event of a Shopify `orders/create` webhook. */
function sqsRecord(): Record<string, unknown> {
  const order = {
    id: 450_789_469,
    name: '#1001',
    email: 'bob.norman@example.com',
    created_at: '2026-01-01T12:00:00-05:00',
    currency: 'USD',
    total_price: '598.94',
    subtotal_price: '597.00',
    total_tax: '11.94',
    financial_status: 'paid',
    browser_ip: '192.0.2.10',
    customer: { id: 207_119_551, email: 'bob.norman@example.com', first_name: 'Bob', last_name: 'Norman', orders_count: 1 },
    billing_address: { first_name: 'Bob', last_name: 'Norman', address1: 'Chestnut Street 92', city: 'Louisville', zip: '40202', country_code: 'US' },
    shipping_address: { first_name: 'Bob', last_name: 'Norman', address1: 'Chestnut Street 92', city: 'Louisville', zip: '40202', country_code: 'US' },
    line_items: [{ id: 466_157_049, sku: 'IPOD2008GREEN', title: 'IPod Nano - 8gb', quantity: 1, price: '199.00', requires_shipping: true, grams: 200 }],
    shipping_lines: [{ code: 'standard', title: 'Standard', price: '0.00' }],
  };
  const detail = {
    specversion: '1.0',
    id: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    source: 'webhooks.shopify',
    type: 'orders/create',
    time: '2026-01-01T17:00:00.000Z',
    datacontenttype: 'application/json',
    envelopeversion: '1.0',
    correlationid: 'bench-request-id',
    verification: { scheme: 'shopify', secretIndex: 0 },
    vendorheaders: { 'x-shopify-shop-domain': 'bench.myshopify.com' },
    data: order,
  };
  const body = JSON.stringify({
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'orders/create',
    source: 'webhooks.shopify',
    account: '123456789012',
    time: '2026-01-01T17:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail,
  });
  return {
    messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
    receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: '1767286800000',
      SenderId: 'AIDAIENQZJOLO23YVJ4VO',
      ApproximateFirstReceiveTimestamp: '1767286800001',
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:bench',
    awsRegion: 'us-east-1',
  };
}
