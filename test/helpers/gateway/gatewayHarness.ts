import { Agent, request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { WebhookGateway } from '../../../local/gateway/index.js';
import type { GatewayRoute, HttpApiEventV2, WebhookGatewayOptions } from '../../../local/gateway/index.js';

/** A route whose invocations are recorded; it answers with `answer(event)`. */
export interface RecordingRoute {
  readonly route: GatewayRoute;
  readonly events: HttpApiEventV2[];
}

/** Makes a route that records every event it receives and answers with `answer` (default: a 200 naming the route). */
export const recordingRoute = (
  routeKey: string,
  answer: (event: HttpApiEventV2) => unknown = () => ({ statusCode: 200, body: routeKey }),
): RecordingRoute => {
  const events: HttpApiEventV2[] = [];
  return {
    events,
    route: {
      routeKey,
      invoke: async (event) => {
        events.push(event);
        return answer(event);
      },
    },
  };
};

/** A started gateway on 127.0.0.1 and a free port; call `close()` in `afterEach`. */
export interface StartedGateway {
  readonly gateway: WebhookGateway;
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Starts a gateway on 127.0.0.1:0 with `options`. */
export const startGateway = async (options: Omit<WebhookGatewayOptions, 'host' | 'port'> & { port?: number }): Promise<StartedGateway> => {
  const gateway = new WebhookGateway({ host: '127.0.0.1', port: 0, ...options });
  const { url, port } = await gateway.listen();
  return { gateway, url, port, close: () => gateway.close() };
};

/** One HTTP request, as sent by {@link send}. */
export interface SendOptions {
  readonly method?: string;
  /** Request target: path and query string, sent exactly as given. */
  readonly path: string;
  /** An array value is sent as repeated header lines. */
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
  readonly body?: Buffer | string;
  /** Sends the body in chunks without content-length (chunked transfer encoding). */
  readonly chunks?: readonly Buffer[];
  readonly agent?: Agent;
}

/** What {@link send} received. */
export interface SentResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/**
 * Sends one request with node:http (exact raw path, repeated headers, chunked bodies) and collects
 * the answer. Errors after the answer arrived (the server closing a connection it refused a body
 * on) are ignored.
 */
export const send = (baseUrl: string, options: SendOptions): Promise<SentResponse> =>
  new Promise<SentResponse>((resolve, reject) => {
    const { hostname, port } = new URL(baseUrl);
    let answered = false;
    const req = request({ host: hostname, port, method: options.method ?? 'GET', path: options.path, agent: options.agent ?? false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    for (const [name, value] of Object.entries(options.headers ?? {})) req.setHeader(name, value as string | string[]);
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
      return;
    }
    req.end(options.body);
  });

/** The JSON body of a response. */
export const jsonOf = (response: SentResponse): unknown => JSON.parse(response.body.toString('utf8'));
