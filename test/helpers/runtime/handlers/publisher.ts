import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';

const events = new EventBridgeClient({});

/** Fixture: publishes the request body as the detail of one event on BUS_NAME, answers 202 with the entry id. */
export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const detail = event.body ?? '{}';
  const result = await events.send(
    new PutEventsCommand({ Entries: [{ EventBusName: process.env.BUS_NAME, Source: 'fixture.orders', DetailType: 'order.created', Detail: detail }] }),
  );
  if ((result.FailedEntryCount ?? 0) > 0) {
    return { statusCode: 503, body: JSON.stringify({ error: 'publish_failed' }) };
  }
  return { statusCode: 202, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: result.Entries?.[0]?.EventId }) };
};
