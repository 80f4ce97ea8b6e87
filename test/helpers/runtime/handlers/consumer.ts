import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

const dynamodb = new DynamoDBClient({});

/** Fixture: writes each EventBridge event's detail to TABLE_NAME (partition key `id` = detail.orderId). */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const envelope = JSON.parse(record.body) as { detail: { orderId: string }; source: string };
      await dynamodb.send(
        new PutItemCommand({
          TableName: process.env.TABLE_NAME,
          Item: { id: { S: envelope.detail.orderId }, source: { S: envelope.source }, receiveCount: { S: record.attributes.ApproximateReceiveCount } },
        }),
      );
    } catch (error) {
      console.error('failed', record.messageId, error);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
