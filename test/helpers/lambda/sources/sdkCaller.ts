// Handler source bundled by a test with esbuild the way NodejsFunction bundles it (CJS, @aws-sdk/*
// external): an SDK client created once at module scope, configured only by the environment.
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});

export const handler = async (event: { queueName: string }): Promise<{ queueUrl: string | undefined; region: string }> => {
  const answer = await sqs.send(new GetQueueUrlCommand({ QueueName: event.queueName }));
  return { queueUrl: answer.QueueUrl, region: await sqs.config.region() };
};
