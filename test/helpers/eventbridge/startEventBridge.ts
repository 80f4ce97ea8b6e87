import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import {
  createRequestListener,
  EventBridgeService,
  type DeliveryMeta,
  type EventBridgeServiceOptions,
} from '../../../local/services/eventbridge/index.js';

/** One call of the delivery callback. */
export interface RecordedDelivery {
  readonly targetArn: string;
  readonly body: string;
  readonly meta: DeliveryMeta;
}

/** A running emulator on 127.0.0.1 with a real SDK client pointed at it. */
export interface RunningEventBridge {
  readonly service: EventBridgeService;
  readonly client: EventBridgeClient;
  readonly endpoint: string;
  /** Successful deliveries, in order. */
  readonly deliveries: RecordedDelivery[];
  /** Queue ARNs whose deliveries reject (to exercise retries and DLQs). */
  readonly failingTargets: Set<string>;
  close(): Promise<void>;
}

/** Starts an EventBridgeService behind node:http on 127.0.0.1:0, with a recording `deliver`. */
export async function startEventBridge(
  options: Partial<Omit<EventBridgeServiceOptions, 'deliver'>> = {},
): Promise<RunningEventBridge> {
  const deliveries: RecordedDelivery[] = [];
  const failingTargets = new Set<string>();
  const service = new EventBridgeService({
    retryDelayMs: 1,
    ...options,
    deliver: async (targetArn, body, meta) => {
      if (failingTargets.has(targetArn)) {
        throw new Error(`queue ${targetArn} unavailable`);
      }
      deliveries.push({ targetArn, body, meta });
    },
  });
  const server: Server = createServer(createRequestListener(service));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new EventBridgeClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  return {
    service,
    client,
    endpoint,
    deliveries,
    failingTargets,
    close: async () => {
      client.destroy();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

/** A queue ARN in the emulator's default account and region. */
export function queueArn(name: string): string {
  return `arn:aws:sqs:us-east-1:000000000000:${name}`;
}
