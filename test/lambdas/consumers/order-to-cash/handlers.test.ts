import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as crmSync } from '../../../../lambdas/consumers/order-to-cash/crm-sync.js';
import { handler as financePosting } from '../../../../lambdas/consumers/order-to-cash/finance-posting.js';
import { handler as fraudCheck } from '../../../../lambdas/consumers/order-to-cash/fraud-check.js';
import { handler as fulfillmentPrep } from '../../../../lambdas/consumers/order-to-cash/fulfillment-prep.js';
import type { ConsumerHandler } from '../../../../lambdas/consumers/kit/index.js';
import {
  createHashKeyTable,
  startDynalite,
  TEST_CREDENTIALS,
  TEST_REGION,
  type LocalDynamo,
} from '../../../helpers/consumers/dynalite.js';
import { makeEnvelope, makeLambdaContext, makeSqsEvent, makeSqsRecord } from '../../../helpers/consumers/events.js';
import { startRecordingServer, type RecordingServer } from '../../../helpers/consumers/recordingServer.js';
import { makeShopifyOrder } from '../../../helpers/consumers/shopifyOrder.js';

const IDEMPOTENCY_TABLE = 'hookbridge-idempotency';

describe('order-to-cash consumers, as deployed (environment only)', () => {
  let dynamo: LocalDynamo;
  let downstream: RecordingServer;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    [dynamo, downstream] = await Promise.all([startDynalite(), startRecordingServer()]);
    await createHashKeyTable(dynamo.client, IDEMPOTENCY_TABLE, 'id');
    Object.assign(process.env, {
      HOOKBRIDGE_IDEMPOTENCY_TABLE: IDEMPOTENCY_TABLE,
      HOOKBRIDGE_DOWNSTREAM_URL: `${downstream.url}/downstream`,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_REGION: TEST_REGION,
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    });
  });
  afterAll(async () => {
    process.env = savedEnv;
    await Promise.all([dynamo.close(), downstream.close()]);
  });
  beforeEach(() => {
    downstream.requests.length = 0;
    downstream.status = 200;
  });

  /** Invokes a handler as its own function would run: HOOKBRIDGE_CONSUMER names it (read on first use). */
  const invoke = (consumer: string, handler: ConsumerHandler, event: SQSEvent) => {
    process.env.HOOKBRIDGE_CONSUMER = consumer;
    return handler(event, makeLambdaContext());
  };

  const orderEvent = (id: string) =>
    makeEnvelope({ id, source: 'webhooks.shopify', type: 'orders/create', data: makeShopifyOrder() });

  const sent = () => downstream.requests.map((request) => ({
    key: request.headers['idempotency-key'],
    body: JSON.parse(request.body) as { consumer: string; payload: Record<string, unknown> },
  }));

  it('crm-sync sends the buyer as a contact', async () => {
    const response = await invoke('crm-sync', crmSync, makeSqsEvent(makeSqsRecord(orderEvent('order-crm'))));

    expect(response.batchItemFailures).toEqual([]);
    expect(sent()).toEqual([
      {
        key: 'webhooks.shopify#order-crm',
        body: {
          consumer: 'crm-sync',
          idempotencyKey: 'webhooks.shopify#order-crm',
          payload: {
            externalId: 'shopify:207119551',
            email: 'bob.norman@mail.example.com',
            firstName: 'Bob',
            lastName: 'Norman',
            phone: '+16136120707',
            shop: 'example.myshopify.com',
            lastOrder: { id: '450789469', name: '#1001', total: '598.94', currency: 'USD', at: '2026-11-25T15:56:26-05:00' },
          },
        },
      },
    ]);
  });

  it('fraud-check sends the order total, ip and risk inputs', async () => {
    const response = await invoke('fraud-check', fraudCheck, makeSqsEvent(makeSqsRecord(orderEvent('order-fraud'))));

    expect(response.batchItemFailures).toEqual([]);
    expect(sent()[0]?.body).toMatchObject({
      consumer: 'fraud-check',
      payload: {
        orderId: '450789469',
        amount: '598.94',
        currency: 'USD',
        ip: '203.0.113.10',
        email: 'bob.norman@mail.example.com',
        customerOrdersCount: 1,
        billingCountry: 'US',
        shippingCountry: 'US',
        addressMismatch: false,
        itemCount: 4,
        paymentGateways: ['bogus'],
      },
    });
  });

  it('fulfillment-prep sends the physical lines and the shipping address', async () => {
    const response = await invoke(
      'fulfillment-prep',
      fulfillmentPrep,
      makeSqsEvent(makeSqsRecord(orderEvent('order-ship'))),
    );

    expect(response.batchItemFailures).toEqual([]);
    const payload = sent()[0]?.body.payload;
    expect(payload).toMatchObject({
      orderId: '450789469',
      orderName: '#1001',
      shipTo: { name: 'Bob Norman', address1: 'Chestnut Street 92', city: 'Louisville', zip: '40202', countryCode: 'US' },
      shippingMethod: 'INT.TP',
    });
    // The gift card needs no shipping
    expect(payload?.lines).toEqual([
      { sku: 'IPOD2008GREEN', variantId: '39072856', title: 'IPod Nano - 8gb', quantity: 1, grams: 200 },
      { sku: 'IPOD2008RED', variantId: '49148385', title: 'IPod Nano - 8gb', quantity: 2, grams: 200 },
    ]);
  });

  it('finance-posting sends totals, currency and tax', async () => {
    const response = await invoke(
      'finance-posting',
      financePosting,
      makeSqsEvent(makeSqsRecord(orderEvent('order-fin'))),
    );

    expect(response.batchItemFailures).toEqual([]);
    expect(sent()[0]?.body.payload).toEqual({
      orderId: '450789469',
      orderName: '#1001',
      postingDate: '2026-11-25',
      currency: 'USD',
      subtotal: '597.00',
      discounts: '10.00',
      shipping: '0.00',
      tax: '11.94',
      total: '598.94',
      taxesIncluded: false,
      taxLines: [{ title: 'State Tax', rate: 0.06, amount: '11.94' }],
      financialStatus: 'paid',
    });
  });

  it('calls the downstream once for a duplicate delivery', async () => {
    const envelope = orderEvent('order-dup');
    await invoke('crm-sync', crmSync, makeSqsEvent(makeSqsRecord(envelope)));
    const again = await invoke('crm-sync', crmSync, makeSqsEvent(makeSqsRecord(envelope, { receiveCount: 1 })));

    expect(again.batchItemFailures).toEqual([]);
    expect(sent().map((request) => request.key)).toEqual(['webhooks.shopify#order-dup']);
  });

  it('fails the record when the downstream answers 5xx, and delivers on the retry', async () => {
    // GIVEN a downstream that is down
    downstream.status = 503;
    const envelope = orderEvent('order-retry');

    // WHEN the event is delivered, then redelivered after the downstream recovers
    const first = await invoke('fraud-check', fraudCheck, makeSqsEvent(makeSqsRecord(envelope, { messageId: 'm-r' })));
    downstream.status = 200;
    const second = await invoke(
      'fraud-check',
      fraudCheck,
      makeSqsEvent(makeSqsRecord(envelope, { messageId: 'm-r', receiveCount: 2 })),
    );

    // THEN the first attempt is a batch item failure and the retry called the downstream again
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: 'm-r' }]);
    expect(second.batchItemFailures).toEqual([]);
    expect(sent().map((request) => request.key)).toEqual(['webhooks.shopify#order-retry', 'webhooks.shopify#order-retry']);
  });

  it('skips other Shopify topics without calling the downstream', async () => {
    const envelope = makeEnvelope({ type: 'orders/updated', data: makeShopifyOrder() });
    const response = await invoke('crm-sync', crmSync, makeSqsEvent(makeSqsRecord(envelope)));

    expect(response.batchItemFailures).toEqual([]);
    expect(downstream.requests).toEqual([]);
  });

  it('fails the record if an orders/create event carries no order', async () => {
    const envelope = makeEnvelope({ id: 'not-an-order', type: 'orders/create', data: { hello: 'world' } });
    const response = await invoke(
      'finance-posting',
      financePosting,
      makeSqsEvent(makeSqsRecord(envelope, { messageId: 'm-junk' })),
    );

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-junk' }]);
    expect(downstream.requests).toEqual([]);
  });
});
