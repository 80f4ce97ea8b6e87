import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ENTRY_BYTES } from '../../../lambdas/verifier/constants.js';
import type { EnvelopeHead } from '../../../lambdas/verifier/envelope.js';
import { putEventsEntrySize } from '../../../lambdas/verifier/entry-size.js';
import { outgoingEvent } from '../../../lambdas/verifier/outgoing-event.js';
import { Publisher } from '../../../lambdas/verifier/publish.js';
import { jsonPayload } from '../../../lambdas/verifier/schemes/wire.js';
import type { Payload } from '../../../lambdas/verifier/types.js';
import { FakeAws } from '../../helpers/verifier/fake-aws.js';
import { STRIPE_INVOICE_HEAD } from '../../helpers/verifier/envelope-head.js';

const fake = new FakeAws();
const head: EnvelopeHead = STRIPE_INVOICE_HEAD;
const receivedAt = new Date(head.time);
const publisher = (options: { bucket?: string; threshold?: number } = {}) =>
  new Publisher({ ...fake.clients(), eventBusName: 'bus', claimCheckBucket: options.bucket, claimCheckThreshold: options.threshold });
/** The outgoing event of `payload` under `h`, as the handler hands it to the publisher. */
const event = (payload: Payload, h: EnvelopeHead = head) => outgoingEvent(h, payload, receivedAt);
/** A JSON body of exactly `size` bytes. */
const bodyOf = (size: number) => Buffer.from(`{"p":"${'x'.repeat(size - 8)}"}`);

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => {
  fake.entries.length = 0;
  fake.objects.clear();
});

describe('putEventsEntrySize', () => {
  it('counts 14 bytes for Time and UTF-8 bytes of Source, DetailType, Detail and Resources', () => {
    // "é" is two bytes in UTF-8
    const size = putEventsEntrySize({ Time: new Date(), Source: 'src', DetailType: 'é', Detail: '{}', Resources: ['arn:a'], EventBusName: 'not-counted' });
    expect(size).toBe(14 + 3 + 2 + 2 + 5);
  });

  it('counts nothing for Time when it is not set', () => {
    expect(putEventsEntrySize({ Source: 'a', DetailType: 'b', Detail: '{}' })).toBe(4);
  });
});

describe('Publisher', () => {
  it('publishes inline when the entry fits', async () => {
    const result = await publisher({ bucket: 'claims' }).publish(event(jsonPayload(bodyOf(1000))));
    expect(result.dataref).toBeUndefined();
    expect(fake.entries).toHaveLength(1);
    expect(fake.objects.size).toBe(0);
  });

  it('claim-checks when the inline entry would exceed the 1 MB entry limit', async () => {
    const body = bodyOf(MAX_ENTRY_BYTES);
    const result = await publisher({ bucket: 'claims' }).publish(event(jsonPayload(body)));
    expect(result.dataref).toMatchObject({ bucket: 'claims', size: MAX_ENTRY_BYTES });
    expect(result.entrySize).toBeLessThan(2000);
    expect(fake.objects.get(`claims/${result.dataref!.key}`)?.body.equals(body)).toBe(true);
  });

  it('keeps the largest inline entry within the limit', async () => {
    // GIVEN a payload that leaves the entry exactly at the limit
    const overhead = putEventsEntrySize({ Time: receivedAt, Source: head.source, DetailType: head.type, Detail: `${JSON.stringify(head).slice(0, -1)},"data":}` });
    const result = await publisher({ bucket: 'claims' }).publish(event(jsonPayload(bodyOf(MAX_ENTRY_BYTES - overhead))));
    expect(result).toEqual({ entrySize: MAX_ENTRY_BYTES });
    // and one more byte goes to S3
    const over = await publisher({ bucket: 'claims' }).publish(event(jsonPayload(bodyOf(MAX_ENTRY_BYTES - overhead + 1))));
    expect(over.dataref).toBeDefined();
  });

  it('asks a lazy S3 client loader only when a payload is claim-checked', async () => {
    let loads = 0;
    const lazy = new Publisher({ ...fake.clients(), s3: async () => (loads++, fake.clients().s3), eventBusName: 'bus', claimCheckBucket: 'claims', claimCheckThreshold: 500 });
    await lazy.publish(event(jsonPayload(bodyOf(100))));
    expect(loads).toBe(0);
    const result = await lazy.publish(event(jsonPayload(bodyOf(1000))));
    expect(loads).toBe(1);
    expect(fake.objects.get(`claims/${result.dataref!.key}`)?.body.equals(bodyOf(1000))).toBe(true);
  });

  it('fails if the payload does not fit and no bucket is configured', async () => {
    await expect(publisher().publish(event(jsonPayload(bodyOf(MAX_ENTRY_BYTES))))).rejects.toThrow(
      expect.objectContaining({ code: 'payload_too_large', message: 'payload does not fit one event and no claim-check bucket is configured' }),
    );
    expect(fake.entries).toHaveLength(0);
  });

  it('fails with publish_failed if the claim-check upload fails', async () => {
    const broken = new Publisher({ ...fake.clients(), eventBusName: 'bus', claimCheckBucket: 'claims', claimCheckThreshold: 1 });
    await fake.stop();
    try {
      await expect(broken.publish(event(jsonPayload(bodyOf(100))))).rejects.toThrow(
        expect.objectContaining({ code: 'publish_failed', message: 'claim-check upload failed' }),
      );
    } finally {
      await fake.start();
    }
  });

  it('carries form fields as data and other bodies as data_base64', async () => {
    const p = publisher();
    await p.publish(event({ kind: 'form', bytes: Buffer.from('a=1&a=2'), fields: { a: ['1', '2'] } }, { ...head, datacontenttype: 'application/x-www-form-urlencoded' }));
    await p.publish(event({ kind: 'binary', bytes: 'hi', contentType: 'text/plain' }, { ...head, datacontenttype: 'text/plain' }));
    expect(JSON.parse(fake.entries[0]!.Detail)).toMatchObject({ data: { a: ['1', '2'] } });
    expect(JSON.parse(fake.entries[1]!.Detail)).toMatchObject({ data_base64: 'aGk=' });
    expect(JSON.parse(fake.entries[1]!.Detail)).not.toHaveProperty('data');
  });
});
