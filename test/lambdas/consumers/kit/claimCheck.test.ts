import { Logger } from '@aws-lambda-powertools/logger';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchClaimCheck } from '../../../../lambdas/consumers/kit/fetchClaimCheck.js';
import {
  ClaimCheckFetchError,
  ClaimCheckIntegrityError,
  defineConsumer,
  type ConsumerEvent,
  type DefineConsumerOptions,
} from '../../../../lambdas/consumers/kit/index.js';
import { TEST_CREDENTIALS, TEST_REGION } from '../../../helpers/consumers/dynalite.js';
import { makeEnvelope, makeLambdaContext, makeSqsEvent, makeSqsRecord } from '../../../helpers/consumers/events.js';
import { startFakeS3, type FakeS3 } from '../../../helpers/consumers/fakeS3.js';

const BUCKET = 'hookbridge-claim-check';

describe('claim-check fetch (dataref → data)', () => {
  let s3: FakeS3;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    s3 = await startFakeS3();
    // The kit's default S3 client is created from the environment on first use, as in Lambda.
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_S3: s3.url,
      AWS_REGION: TEST_REGION,
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    });
  });
  afterAll(async () => {
    process.env = savedEnv;
    await s3.close();
  });
  beforeEach(() => {
    s3.requests.length = 0;
  });

  /** Captures what the consumer function receives; no idempotency store needed here. */
  const capture = (overrides: Partial<DefineConsumerOptions> = {}) => {
    const received: ConsumerEvent[] = [];
    const handler = defineConsumer(async (event) => void received.push(event), {
      consumer: 'claim-check-test',
      logger: new Logger({ logLevel: 'SILENT' }),
      idempotent: false,
      claimCheckBucket: BUCKET,
      ...overrides,
    });
    return { handler, received };
  };

  it('fetches a JSON payload path-style from the endpoint in AWS_ENDPOINT_URL_S3 and parses it into data', async () => {
    // GIVEN a claim-checked JSON body
    const body = Buffer.from(JSON.stringify({ id: 450789469, line_items: [{ sku: 'IPOD-342-N' }] }));
    const dataref = s3.put(BUCKET, 'webhooks.shopify/2026/11/25/evt-1', body);
    const { handler, received } = capture();

    // WHEN the event arrives
    const response = await handler(
      makeSqsEvent(makeSqsRecord(makeEnvelope({ data: undefined, dataref }))),
      makeLambdaContext(),
    );

    // THEN the function sees the parsed payload, and the object was read path-style
    expect(response.batchItemFailures).toEqual([]);
    expect(received[0]?.data).toEqual({ id: 450789469, line_items: [{ sku: 'IPOD-342-N' }] });
    expect(received[0]?.dataref).toEqual(dataref);
    expect(s3.requests).toEqual([`${BUCKET}/webhooks.shopify/2026/11/25/evt-1`]);
  });

  it('parses a form payload into an object of fields', async () => {
    // GIVEN a claim-checked form body with a repeated field
    const dataref = s3.put(BUCKET, 'form', Buffer.from('MessageSid=SM1&Body=hello+world&Media=a&Media=b'));
    const { handler, received } = capture();

    // WHEN the event arrives
    await handler(
      makeSqsEvent(
        makeSqsRecord(
          makeEnvelope({ data: undefined, dataref, datacontenttype: 'application/x-www-form-urlencoded' }),
        ),
      ),
      makeLambdaContext(),
    );

    // THEN the fields are an object, the repeated one an array
    expect(received[0]?.data).toEqual({ MessageSid: 'SM1', Body: 'hello world', Media: ['a', 'b'] });
  });

  it('carries any other content type as base64 in data_base64', async () => {
    // GIVEN a claim-checked binary body
    const bytes = Buffer.from([0, 1, 2, 254, 255]);
    const dataref = s3.put(BUCKET, 'blob', bytes);
    const { handler, received } = capture();

    // WHEN the event arrives
    await handler(
      makeSqsEvent(makeSqsRecord(makeEnvelope({ data: undefined, dataref, datacontenttype: 'application/octet-stream' }))),
      makeLambdaContext(),
    );

    // THEN it is base64, and data is absent
    expect(received[0]?.data_base64).toBe(bytes.toString('base64'));
    expect(received[0]?.data).toBeUndefined();
  });

  it('fails the record if the object does not match the dataref sha256', async () => {
    // GIVEN an object replaced after the dataref was made (same size, other bytes)
    const dataref = s3.put(BUCKET, 'tampered', Buffer.from('{"amount":100}'));
    s3.objects.set(`${BUCKET}/tampered`, Buffer.from('{"amount":900}'));
    const { handler, received } = capture();

    // WHEN the event arrives
    const response = await handler(
      makeSqsEvent(makeSqsRecord(makeEnvelope({ data: undefined, dataref }), { messageId: 'm-tampered' })),
      makeLambdaContext(),
    );

    // THEN the record fails and the function never sees the payload
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-tampered' }]);
    expect(received).toEqual([]);
  });

  it('fails the record if the object is not the dataref size', async () => {
    // GIVEN a truncated object
    const dataref = s3.put(BUCKET, 'truncated', Buffer.from('{"amount":100}'));
    s3.objects.set(`${BUCKET}/truncated`, Buffer.from('{"amount":1'));
    const { handler, received } = capture();

    // WHEN the event arrives
    const response = await handler(
      makeSqsEvent(makeSqsRecord(makeEnvelope({ data: undefined, dataref }), { messageId: 'm-short' })),
      makeLambdaContext(),
    );

    // THEN the record fails
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-short' }]);
    expect(received).toEqual([]);
  });

  it('fails the record if the object is missing', async () => {
    // GIVEN a dataref to nothing
    const { handler } = capture();
    const dataref = { bucket: BUCKET, key: 'gone', size: 2, sha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a' };

    // WHEN the event arrives
    const response = await handler(
      makeSqsEvent(makeSqsRecord(makeEnvelope({ data: undefined, dataref }), { messageId: 'm-gone' })),
      makeLambdaContext(),
    );

    // THEN the record fails
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-gone' }]);
  });

  it('refuses a dataref outside the claim-check bucket without fetching it', async () => {
    // GIVEN an object in another bucket
    const dataref = s3.put('someone-elses-bucket', 'x', Buffer.from('{}'));
    const { handler, received } = capture();

    // WHEN the event arrives
    const response = await handler(
      makeSqsEvent(makeSqsRecord(makeEnvelope({ data: undefined, dataref }), { messageId: 'm-foreign' })),
      makeLambdaContext(),
    );

    // THEN it fails with no request made
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-foreign' }]);
    expect(received).toEqual([]);
    expect(s3.requests).toEqual([]);
  });

  it('passes a dataref through untouched when resolveDataRef is off', async () => {
    // GIVEN a consumer that only needs the reference
    const dataref = s3.put(BUCKET, 'untouched', Buffer.from('{}'));
    const { handler, received } = capture({ resolveDataRef: false });

    // WHEN the event arrives
    await handler(makeSqsEvent(makeSqsRecord(makeEnvelope({ data: undefined, dataref }))), makeLambdaContext());

    // THEN nothing was fetched
    expect(received[0]?.data).toBeUndefined();
    expect(received[0]?.dataref).toEqual(dataref);
    expect(s3.requests).toEqual([]);
  });

  describe('fetchClaimCheck', () => {
    const client = () =>
      new S3Client({ endpoint: s3.url, forcePathStyle: true, region: TEST_REGION, credentials: TEST_CREDENTIALS });

    it('returns the bytes when size and sha256 match', async () => {
      const dataref = s3.put(BUCKET, 'ok', Buffer.from('abc'));
      expect(Buffer.from(await fetchClaimCheck(client(), dataref, BUCKET)).toString()).toBe('abc');
    });

    it('fails if the sha256 does not match, naming both digests', async () => {
      const dataref = s3.put(BUCKET, 'sha', Buffer.from('abc'));
      s3.objects.set(`${BUCKET}/sha`, Buffer.from('abd'));
      const promise = fetchClaimCheck(client(), dataref, BUCKET);
      await expect(promise).rejects.toThrow(ClaimCheckIntegrityError);
      await expect(promise).rejects.toThrow(
        new RegExp(`s3://${BUCKET}/sha sha256 [0-9a-f]{64} does not match dataref ${dataref.sha256}`),
      );
    });

    it('fails if the size does not match, naming both sizes', async () => {
      const dataref = s3.put(BUCKET, 'size', Buffer.from('abc'));
      s3.objects.set(`${BUCKET}/size`, Buffer.from('ab'));
      await expect(fetchClaimCheck(client(), dataref, BUCKET)).rejects.toThrow(
        `claim-checked payload s3://${BUCKET}/size has 2 bytes, dataref says 3`,
      );
    });

    it('fails if the bucket is not the claim-check bucket', async () => {
      const dataref = s3.put('other', 'k', Buffer.from('abc'));
      await expect(fetchClaimCheck(client(), dataref, BUCKET)).rejects.toThrow(
        new ClaimCheckFetchError('other', 'k', `dataref bucket other is not the claim-check bucket ${BUCKET}`),
      );
    });
  });
});
