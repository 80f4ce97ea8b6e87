import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../../lambdas/consumers/audit-log.js';
import {
  createHashKeyTable,
  startDynalite,
  TEST_CREDENTIALS,
  TEST_REGION,
  type LocalDynamo,
} from '../../helpers/consumers/dynalite.js';
import { makeEnvelope, makeLambdaContext, makeSqsEvent, makeSqsRecord } from '../../helpers/consumers/events.js';

const AUDIT_TABLE = 'hookbridge-audit';

describe('audit-log consumer', () => {
  let dynamo: LocalDynamo;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    dynamo = await startDynalite();
    await createHashKeyTable(dynamo.client, AUDIT_TABLE, 'pk');
    // The handler as deployed: everything from the environment QueuedConsumer sets.
    Object.assign(process.env, {
      HOOKBRIDGE_CONSUMER: 'audit-log',
      HOOKBRIDGE_AUDIT_TABLE: AUDIT_TABLE,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_REGION: TEST_REGION,
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    });
  });
  afterAll(async () => {
    process.env = savedEnv;
    await dynamo.close();
  });

  const scan = async () => {
    const documents = DynamoDBDocumentClient.from(dynamo.client);
    const result = await documents.send(new ScanCommand({ TableName: AUDIT_TABLE, ConsistentRead: true }));
    return result.Items ?? [];
  };

  it('writes one row per source#id with the event metadata and no body', async () => {
    // GIVEN an event with a body the audit row must not keep
    const envelope = makeEnvelope({ id: 'evt-1', source: 'webhooks.stripe', type: 'charge.succeeded', data: { secretish: 'card' } });
    const record = makeSqsRecord(envelope, { messageId: 'm-1' });

    // WHEN it is consumed
    const response = await handler(makeSqsEvent(record), makeLambdaContext());

    // THEN one row holds the metadata
    expect(response.batchItemFailures).toEqual([]);
    const rows = (await scan()).filter((row) => row.pk === 'webhooks.stripe#evt-1');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      pk: 'webhooks.stripe#evt-1',
      source: 'webhooks.stripe',
      id: 'evt-1',
      type: 'charge.succeeded',
      time: envelope.time,
      correlationId: envelope.correlationid,
      claimChecked: false,
      size: Buffer.byteLength(record.body),
      messageId: 'm-1',
      enqueuedAt: new Date(Number(record.attributes.SentTimestamp)).toISOString(),
    });
    expect(Date.parse(String(rows[0]!.receivedAt))).not.toBeNaN();
    expect(JSON.stringify(rows[0])).not.toContain('secretish');
  });

  it('never adds a row for a duplicate, and answers it as success', async () => {
    // GIVEN an event already audited
    const envelope = makeEnvelope({ id: 'evt-dup', source: 'webhooks.github' });
    await handler(makeSqsEvent(makeSqsRecord(envelope, { messageId: 'first' })), makeLambdaContext());

    // WHEN it arrives again, once alone and once twice in one batch
    const again = await handler(makeSqsEvent(makeSqsRecord(envelope, { messageId: 'second' })), makeLambdaContext());
    const twice = await handler(
      makeSqsEvent(makeSqsRecord(envelope, { messageId: 'third' }), makeSqsRecord(envelope, { messageId: 'fourth' })),
      makeLambdaContext(),
    );

    // THEN every delivery succeeded and there is still one row, the first one
    expect(again.batchItemFailures).toEqual([]);
    expect(twice.batchItemFailures).toEqual([]);
    const rows = (await scan()).filter((row) => row.pk === 'webhooks.github#evt-dup');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.messageId).toBe('first');
  });

  it('keeps the same id from two sources as two rows', async () => {
    // GIVEN two sources that happen to share an id
    const a = makeEnvelope({ id: 'same', source: 'webhooks.twilio' });
    const b = makeEnvelope({ id: 'same', source: 'webhooks.generic' });

    // WHEN both are consumed
    await handler(makeSqsEvent(makeSqsRecord(a), makeSqsRecord(b)), makeLambdaContext());

    // THEN both are audited
    const pks = (await scan()).map((row) => row.pk).filter((pk) => String(pk).endsWith('#same'));
    expect(pks.sort()).toEqual(['webhooks.generic#same', 'webhooks.twilio#same']);
  });

  it('records a claim-checked event by its reference, without fetching it', async () => {
    // GIVEN an event whose payload is in S3 (no S3 endpoint exists here)
    const dataref = { bucket: 'claims', key: 'k', size: 2_000_000, sha256: 'a'.repeat(64) };
    const envelope = makeEnvelope({ id: 'evt-big', data: undefined, dataref });

    // WHEN it is consumed
    const response = await handler(makeSqsEvent(makeSqsRecord(envelope)), makeLambdaContext());

    // THEN the row notes the claim check and the payload size
    expect(response.batchItemFailures).toEqual([]);
    const row = (await scan()).find((item) => item.pk === `${envelope.source}#evt-big`);
    expect(row).toMatchObject({ claimChecked: true, payloadSize: 2_000_000 });
  });

  it('fails the record (no lost audit) when the table cannot be written', async () => {
    // GIVEN an audit table that does not exist
    process.env.HOOKBRIDGE_AUDIT_TABLE = 'no-such-table';
    try {
      // WHEN an event is consumed
      const response = await handler(
        makeSqsEvent(makeSqsRecord(makeEnvelope(), { messageId: 'm-lost' })),
        makeLambdaContext(),
      );

      // THEN it is a batch item failure, retried later
      expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-lost' }]);
    } finally {
      process.env.HOOKBRIDGE_AUDIT_TABLE = AUDIT_TABLE;
    }
  });
});
