import { createServer, type Server } from 'node:http';
import { createSqsRequestListener } from '../../../local/services/sqs/create-sqs-request-listener.js';
import { SqsService } from '../../../local/services/sqs/sqs-service.js';
import { SecretsService } from '../../../local/services/secrets/SecretsService.js';
import { close, listen } from './listen.js';

/** The local SQS and Secrets Manager emulators behind one edge-like HTTP server. */
export interface FakeLocalEdge {
  readonly url: string;
  readonly sqs: SqsService;
  readonly secrets: SecretsService;
  /** Targets of the requests received, e.g. `AmazonSQS.GetQueueAttributes`. */
  readonly targets: string[];
  stop(): Promise<void>;
}

/**
 * Starts the project's own SQS and Secrets Manager emulators (local/services) behind one server
 * on 127.0.0.1 that routes by `X-Amz-Target`, as the runtime's edge does; the CLI talks to it
 * with the real AWS SDK clients.
 */
export async function startFakeLocalEdge(): Promise<FakeLocalEdge> {
  const sqs = new SqsService();
  const secrets = new SecretsService();
  const sqsListener = createSqsRequestListener(sqs);
  const targets: string[] = [];
  const server: Server = createServer((request, response) => {
    const target = String(request.headers['x-amz-target'] ?? '');
    targets.push(target);
    if (target.startsWith('AmazonSQS.')) {
      sqsListener(request, response);
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void secrets.handle({ headers: request.headers }, Buffer.concat(chunks)).then((answer) => {
        response.writeHead(answer.status, answer.headers).end(answer.body);
      });
    });
  });
  const url = await listen(server);
  sqs.setBaseUrl(url);
  return {
    url,
    sqs,
    secrets,
    targets,
    stop: async () => {
      sqs.close();
      await close(server);
    },
  };
}
