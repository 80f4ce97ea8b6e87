import { DynamoDBClient, PutItemCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DescribeArchiveCommand, DescribeReplayCommand, EventBridgeClient, StartReplayCommand } from '@aws-sdk/client-eventbridge';
import { GetQueueAttributesCommand, ListMessageMoveTasksCommand, SQSClient, StartMessageMoveTaskCommand } from '@aws-sdk/client-sqs';
import { SOAK_POISON_FLAG } from './app/constants.js';
import type { RuntimeEndpoints } from '../shared/runtimeProcess.js';

/** Queue depths (SQS GetQueueAttributes). */
export interface Depth {
  readonly visible: number;
  readonly inFlight: number;
  readonly delayed: number;
}

/** The consumers' output names (`Queue<Name>Url`, `Dlq<Name>Url`). */
export const CONSUMER_OUTPUT_NAMES = ['Ledger', 'Flaky', 'Poison', 'AuditLog'] as const;

/**
 * The soak stack seen from outside, through its outputs and the AWS SDK at the runtime's edge (the
 * same calls work against AWS): queue depths, the flag table, DLQ redrive, archive replay, audit Scan.
 */
export class SoakStack {
  private readonly dynamodb: DynamoDBClient;
  private readonly sqs: SQSClient;
  private readonly events: EventBridgeClient;

  public constructor(public readonly endpoints: RuntimeEndpoints) {
    // An access key the local edge does not know is an administrator.
    const config = { region: 'us-east-1', endpoint: endpoints.edgeUrl, credentials: { accessKeyId: 'SOAKADMIN', secretAccessKey: 'soak' }, maxAttempts: 3 };
    this.dynamodb = new DynamoDBClient(config);
    this.sqs = new SQSClient(config);
    this.events = new EventBridgeClient(config);
  }

  public output(key: string): string {
    const value = this.endpoints.outputs[key];
    if (value === undefined) throw new Error(`the soak stack outputs have no ${key}`);
    return value;
  }

  public async depth(queueUrl: string): Promise<Depth> {
    const { Attributes = {} } = await this.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'] }),
    );
    return { visible: Number(Attributes.ApproximateNumberOfMessages ?? 0), inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0), delayed: Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0) };
  }

  /** Messages in every consumer queue (visible + in flight + delayed). */
  public async queued(): Promise<number> {
    let total = 0;
    for (const name of CONSUMER_OUTPUT_NAMES) {
      const depth = await this.depth(this.output(`Queue${name}Url`));
      total += depth.visible + depth.inFlight + depth.delayed;
    }
    return total;
  }

  /** Messages in each consumer's DLQ (and its delivery DLQ, as `<name>Delivery`). */
  public async deadLetters(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const name of CONSUMER_OUTPUT_NAMES) {
      const dlq = await this.depth(this.output(`Dlq${name}Url`));
      counts[name] = dlq.visible + dlq.inFlight + dlq.delayed;
      const delivery = await this.depth(this.output(`DeliveryDlq${name}Url`));
      counts[`${name}Delivery`] = delivery.visible + delivery.inFlight + delivery.delayed;
    }
    return counts;
  }

  /** Sets the poison flag (`broken` | `fixed`) with a PutItem on the flag table. */
  public async setPoisonFlag(state: 'broken' | 'fixed'): Promise<void> {
    await this.dynamodb.send(new PutItemCommand({ TableName: this.output('FlagTableName'), Item: { pk: { S: SOAK_POISON_FLAG }, state: { S: state } } }));
  }

  /** StartMessageMoveTask on a consumer's DLQ (back to its source queue); resolves when the task completed. */
  public async redrive(name: string, timeoutMs: number): Promise<number> {
    const { Attributes = {} } = await this.sqs.send(new GetQueueAttributesCommand({ QueueUrl: this.output(`Dlq${name}Url`), AttributeNames: ['QueueArn'] }));
    const sourceArn = Attributes.QueueArn!;
    await this.sqs.send(new StartMessageMoveTaskCommand({ SourceArn: sourceArn }));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { Results = [] } = await this.sqs.send(new ListMessageMoveTasksCommand({ SourceArn: sourceArn }));
      const task = Results[0];
      if (task?.Status === 'COMPLETED') return task.ApproximateNumberOfMessagesMoved ?? 0;
      if (task?.Status === 'FAILED' || task?.Status === 'CANCELLED') throw new Error(`message move task of ${name} ended ${task.Status}: ${task.FailureReason}`);
      if (Date.now() > deadline) throw new Error(`message move task of ${name} not completed within ${timeoutMs} ms (${JSON.stringify(task)})`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** StartReplay of the archive over [start, end) onto the bus; resolves when it completed. */
  public async replay(name: string, start: Date, end: Date, timeoutMs: number): Promise<void> {
    const { ArchiveArn } = await this.events.send(new DescribeArchiveCommand({ ArchiveName: this.output('ArchiveName') }));
    await this.events.send(new StartReplayCommand({ ReplayName: name, EventSourceArn: ArchiveArn!, EventStartTime: start, EventEndTime: end, Destination: { Arn: this.output('EventBusArn') } }));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const replay = await this.events.send(new DescribeReplayCommand({ ReplayName: name }));
      if (replay.State === 'COMPLETED') return;
      if (replay.State === 'FAILED' || replay.State === 'CANCELLED') throw new Error(`replay ${name} ended ${replay.State}: ${replay.StateReason}`);
      if (Date.now() > deadline) throw new Error(`replay ${name} not completed within ${timeoutMs} ms (state ${replay.State})`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** The `pk` of every audit row (SDK Scan, all pages, consistent read). */
  public async auditKeys(): Promise<string[]> {
    const keys: string[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.dynamodb.send(new ScanCommand({ TableName: this.output('AuditTableName'), ConsistentRead: true, ProjectionExpression: 'pk', ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) keys.push(item.pk?.S ?? '');
      start = page.LastEvaluatedKey;
    } while (start);
    return keys;
  }

  /** `GET /_local/state` of the runtime (local only): events on the bus, queue counters. */
  public async localState(): Promise<{ events: Record<string, number>; queues: Record<string, { sent: number }> }> {
    const response = await fetch(new URL('/_local/state', this.endpoints.webhookBaseUrl), { signal: AbortSignal.timeout(10_000) });
    return (await response.json()) as { events: Record<string, number>; queues: Record<string, { sent: number }> };
  }

  /** `POST /_local/faults` (local only). */
  public async fault(request: Record<string, unknown>): Promise<void> {
    const response = await fetch(new URL('/_local/faults', this.endpoints.webhookBaseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`POST /_local/faults ${JSON.stringify(request)} answered ${response.status}: ${await response.text()}`);
  }

  public close(): void {
    this.dynamodb.destroy();
    this.sqs.destroy();
    this.events.destroy();
  }
}
