import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSRecord } from 'aws-lambda';
import { defaultDynamoDBClient } from './kit/clients.js';
import { ConsumerConfigurationError } from './kit/errors.js';
import { defineConsumer } from './kit/index.js';
import type { ConsumerEvent } from './kit/index.js';

/** The audit table's variable (partition key `pk` = `source#id`). */
const AUDIT_TABLE_ENV = 'HOOKBRIDGE_AUDIT_TABLE';

/** One audit row: what arrived and when, never the payload itself. */
export interface AuditItem {
  /** `source#id`: the event's identity, so a duplicate lands on the same row. */
  readonly pk: string;
  readonly source: string;
  readonly id: string;
  readonly type: string;
  /** The envelope's `time`. */
  readonly time: string;
  readonly correlationId?: string;
  readonly scheme?: string;
  readonly datacontenttype?: string;
  /** True when the payload travelled by claim check (`dataref`). */
  readonly claimChecked: boolean;
  /** Bytes of the SQS message (the EventBridge event); for a claim check, the payload's size is `payloadSize`. */
  readonly size: number;
  readonly payloadSize?: number;
  readonly messageId: string;
  /** When SQS got the message from EventBridge (`SentTimestamp`). */
  readonly enqueuedAt?: string;
  /** When this consumer wrote the row. */
  readonly receivedAt: string;
}

/** Builds the audit row of one event. */
export const toAuditItem = (event: ConsumerEvent, record: SQSRecord, now: Date = new Date()): AuditItem => {
  const sent = Number(record.attributes?.SentTimestamp);
  return {
    pk: `${event.source}#${event.id}`,
    source: event.source,
    id: event.id,
    type: event.type,
    time: event.time,
    correlationId: event.correlationid,
    scheme: event.verification?.scheme,
    datacontenttype: event.datacontenttype,
    claimChecked: event.dataref !== undefined,
    size: Buffer.byteLength(record.body, 'utf8'),
    payloadSize: event.dataref?.size,
    messageId: record.messageId,
    enqueuedAt: Number.isFinite(sent) && sent > 0 ? new Date(sent).toISOString() : undefined,
    receivedAt: now.toISOString(),
  };
};

/** One document client per DynamoDB client: `from()` copies the client's middleware stack, too costly per put. */
const documentClients = new WeakMap<DynamoDBClient, DynamoDBDocumentClient>();

const documentClientOf = (client: DynamoDBClient): DynamoDBDocumentClient => {
  let documents = documentClients.get(client);
  if (!documents) {
    documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    documentClients.set(client, documents);
  }
  return documents;
};

/**
 * Writes the row unless one exists for the same `source#id`. A duplicate delivery (SQS
 * at-least-once, an archive replay) is success, not an error: the row it would add is there.
 *
 * @returns `written` or `duplicate`
 */
export const putAuditItem = async (
  client: DynamoDBClient,
  tableName: string,
  item: AuditItem,
): Promise<'written' | 'duplicate'> => {
  try {
    await documentClientOf(client).send(
      new PutCommand({
        TableName: tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return 'written';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'duplicate';
    throw error;
  }
};

/**
 * The audit-log consumer: every event on the bus, one DynamoDB row per `source` + `id`.
 * The conditional put is its idempotency, so the kit's idempotency store and claim-check fetch
 * are off (the row needs neither the payload nor a second write per event).
 */
export const handler = defineConsumer(
  async (event, context) => {
    const tableName = process.env[AUDIT_TABLE_ENV];
    if (!tableName) {
      throw new ConsumerConfigurationError(AUDIT_TABLE_ENV, `${AUDIT_TABLE_ENV} must name the audit table (given nothing)`);
    }
    const outcome = await putAuditItem(defaultDynamoDBClient(), tableName, toAuditItem(event, context.record));
    context.logger.info(outcome === 'written' ? 'audit row written' : 'audit row already present', {
      pk: `${event.source}#${event.id}`,
    });
    return outcome;
  },
  { idempotent: false, resolveDataRef: false },
);
