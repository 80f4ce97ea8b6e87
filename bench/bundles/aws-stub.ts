import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An AWS JSON-protocol operation, as `X-Amz-Target` names it, e.g. `AWSEvents.PutEvents`. */
export type AwsTarget = string;

/** Canned answers to the calls a function's first invocation makes; anything else is a 400. */
const ANSWERS: Readonly<Record<AwsTarget, () => Record<string, unknown>>> = {
  'secretsmanager.GetSecretValue': () => ({
    ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:bench-AbCdEf',
    Name: 'bench',
    VersionId: '00000000-0000-0000-0000-000000000001',
    SecretString: STUB_SECRET,
    VersionStages: ['AWSCURRENT'],
    CreatedDate: 1_767_225_600,
  }),
  'AWSEvents.PutEvents': () => ({ FailedEntryCount: 0, Entries: [{ EventId: '11111111-2222-3333-4444-555555555555' }] }),
  'DynamoDB_20120810.PutItem': () => ({}),
  'DynamoDB_20120810.UpdateItem': () => ({}),
  'DynamoDB_20120810.GetItem': () => ({}),
  'DynamoDB_20120810.DeleteItem': () => ({}),
  'AmazonSQS.ChangeMessageVisibility': () => ({}),
};

/** The secret value the stub's Secrets Manager returns. */
export const STUB_SECRET = 'bench-cold-start-secret';

/**
 * A tiny local AWS endpoint on 127.0.0.1 answering the JSON-protocol calls a function's first
 * invocation makes, so a cold start includes real SDK requests (signing, HTTP, parsing) without
 * a network. Records every call, so the SDK floor can make exactly the same ones.
 */
export class AwsStub {
  readonly #server: Server;
  #calls: AwsTarget[] = [];
  #unknown: string[] = [];

  private constructor(server: Server) {
    this.#server = server;
  }

  /** Starts the stub on a free port. */
  public static async start(): Promise<AwsStub> {
    let stub: AwsStub | undefined;
    const server = createServer((request, response) => stub!.#handle(request, response));
    stub = new AwsStub(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    return stub;
  }

  /** `http://127.0.0.1:<port>`, for `AWS_ENDPOINT_URL`. */
  public get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Returns the calls recorded since the last `take()` and forgets them; unknown calls throw. */
  public take(): AwsTarget[] {
    const calls = this.#calls;
    const unknown = this.#unknown;
    this.#calls = [];
    this.#unknown = [];
    if (unknown.length > 0) throw new Error(`the AWS stub got calls it cannot answer: ${unknown.join(', ')}`);
    return calls;
  }

  public async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #handle(request: IncomingMessage, response: ServerResponse): void {
    request.resume();
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      const answer = ANSWERS[target];
      const json = target.startsWith('DynamoDB_') ? 'application/x-amz-json-1.0' : 'application/x-amz-json-1.1';
      if (!answer) {
        this.#unknown.push(target || `${request.method} ${request.url}`);
        response.writeHead(400, { 'content-type': json, 'x-amzn-requestid': 'bench' });
        response.end(JSON.stringify({ __type: 'UnknownOperationException', message: 'not stubbed' }));
        return;
      }
      this.#calls.push(target);
      response.writeHead(200, { 'content-type': json, 'x-amzn-requestid': 'bench' });
      response.end(JSON.stringify(answer()));
    });
  }
}
