import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';

const dynamodb = new DynamoDBClient({});

/** Fixture: scans TABLE_NAME, which its role is not granted; answers with the error name it got. */
export const handler = async (): Promise<APIGatewayProxyResultV2> => {
  try {
    await dynamodb.send(new ScanCommand({ TableName: process.env.TABLE_NAME }));
    return { statusCode: 200, body: JSON.stringify({ error: null }) };
  } catch (error) {
    return { statusCode: 200, body: JSON.stringify({ error: (error as Error).name, message: (error as Error).message }) };
  }
};
