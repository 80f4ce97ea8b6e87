import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SQSClient } from '@aws-sdk/client-sqs';

import { createSqsRequestListener } from '../../../local/services/sqs/create-sqs-request-listener.js';
import { SqsService, type SqsServiceOptions } from '../../../local/services/sqs/sqs-service.js';

/** A clock tests move by hand (epoch milliseconds). */
export interface ManualClock {
  readonly now: () => number;
  advance(ms: number): void;
}

/** A clock starting at `start` that only moves when told. */
export function manualClock(start = Date.UTC(2026, 0, 1)): ManualClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
  };
}

/** A running emulator: the service, a real SDK client pointed at it, and a stop function. */
export interface SqsEmulator {
  readonly service: SqsService;
  readonly client: SQSClient;
  readonly endpoint: string;
  readonly server: Server;
  stop(): Promise<void>;
}

/**
 * Starts the SQS emulator behind node:http on 127.0.0.1 (free port) and a real `SQSClient`
 * (dummy credentials, MD5 validation on) pointed at it.
 */
export async function startSqsEmulator(options: SqsServiceOptions = {}): Promise<SqsEmulator> {
  const service = new SqsService(options);
  const server = createServer(createSqsRequestListener(service));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  service.setBaseUrl(endpoint);
  const client = new SQSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-secret' },
    maxAttempts: 1,
  });
  return {
    service,
    client,
    endpoint,
    server,
    stop: async () => {
      client.destroy();
      service.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
