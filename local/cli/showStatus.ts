import { resolve } from 'node:path';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DEFAULT_OUTPUTS_FILE, HTTP_TIMEOUT_MS } from './constants.js';
import { describeNetworkError } from './describeNetworkError.js';
import { readLocalEndpoints } from './endpoints.js';
import { pascal } from './outputKeys.js';
import { readOutputsFile, type ConsumerQueues } from './outputs.js';
import { sdkClientConfig, resolveTarget, type Target } from './target.js';
import { translateSdkError } from './translateSdkError.js';
import type { CommandContext, FlagValues } from './types.js';

/** The state of one consumer, as `status --json` prints it. */
export interface ConsumerStatus {
  readonly name: string;
  readonly queueUrl: string;
  /** ApproximateNumberOfMessages: waiting to be received. */
  readonly queued: number;
  /** ApproximateNumberOfMessagesNotVisible: received, not yet deleted. */
  readonly inFlight: number;
  /** ApproximateNumberOfMessagesDelayed. */
  readonly delayed: number;
  /** Messages in the dead-letter queue (failed maxReceiveCount times). */
  readonly dlq?: number;
  /** Events EventBridge could not deliver to the queue. */
  readonly deliveryDlq?: number;
  /** Locally: records the consumer processed, from the inspection API. */
  readonly processed?: number;
  /** Locally: records the consumer failed, from the inspection API. */
  readonly failed?: number;
}

/** What `status --json` prints. */
export interface StatusReport {
  readonly stack: string;
  readonly target: Target['kind'];
  readonly consumers: readonly ConsumerStatus[];
  /** Why processed/failed are missing locally, when the inspection API did not answer. */
  readonly inspection?: string;
}

interface LocalCounts {
  readonly processed: number;
  readonly failed: number;
}

const QUEUE_ATTRIBUTES = ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'] as const;

/**
 * Prints each consumer's queue depth, in-flight and delayed counts and dead-letter depths, from
 * SQS `GetQueueAttributes` — the same call against the local edge or AWS — and, locally, the
 * processed/failed counts of `GET /_local/state`.
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html
 */
export async function showStatus(flags: FlagValues, context: CommandContext): Promise<number> {
  const outputsFile = resolve(context.cwd, typeof flags['outputs-file'] === 'string' ? flags['outputs-file'] : DEFAULT_OUTPUTS_FILE);
  const outputs = readOutputsFile(outputsFile, typeof flags.stack === 'string' ? flags.stack : undefined);
  const consumers = outputs.consumers;
  const target = resolveTarget(readLocalEndpoints(outputsFile), Object.values(outputs.values));
  const report = await collectStatus(outputs.stackName, consumers, target, context.env);

  if (flags.json === true) {
    context.io.out(JSON.stringify(report, null, 2));
    return 0;
  }
  context.io.out(`stack ${report.stack} (${report.target === 'local' ? 'local' : 'AWS'})`);
  if (consumers.length === 0) {
    context.io.out('no consumers (the outputs have no Queue<Consumer>Url keys)');
    return 0;
  }
  for (const line of formatTable(report)) context.io.out(line);
  if (report.inspection !== undefined) context.io.out(`processed/failed unavailable: ${report.inspection}`);
  return 0;
}

async function collectStatus(stack: string, consumers: readonly ConsumerQueues[], target: Target, env: CommandContext['env']): Promise<StatusReport> {
  const clients = new Map<string, SQSClient>();
  const clientFor = (queueUrl: string): SQSClient => {
    const config = sdkClientConfig(target, queueUrl, env);
    const key = JSON.stringify([config.endpoint, config.region]);
    let client = clients.get(key);
    if (!client) clients.set(key, (client = new SQSClient(config)));
    return client;
  };
  const attributes = async (queueUrl: string): Promise<Record<string, string>> => {
    try {
      const { Attributes } = await clientFor(queueUrl).send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: [...QUEUE_ATTRIBUTES] }));
      return Attributes ?? {};
    } catch (error) {
      throw translateSdkError(error, `read the attributes of ${queueUrl}`, target);
    }
  };
  const depth = async (queueUrl: string | undefined): Promise<number | undefined> =>
    queueUrl === undefined ? undefined : count((await attributes(queueUrl)).ApproximateNumberOfMessages);

  try {
    const local = target.kind === 'local' ? await fetchLocalCounts(target.endpoints.inspectionUrl) : undefined;
    const statuses = await Promise.all(
      consumers.map(async (consumer): Promise<ConsumerStatus> => {
        const [main, dlq, deliveryDlq] = await Promise.all([attributes(consumer.queueUrl), depth(consumer.dlqUrl), depth(consumer.deliveryDlqUrl)]);
        const counts = local?.counts ? findCounts(local.counts, consumer) : undefined;
        const name = counts?.name ?? consumer.name;
        return {
          name,
          queueUrl: consumer.queueUrl,
          queued: count(main.ApproximateNumberOfMessages),
          inFlight: count(main.ApproximateNumberOfMessagesNotVisible),
          delayed: count(main.ApproximateNumberOfMessagesDelayed),
          ...(dlq !== undefined ? { dlq } : {}),
          ...(deliveryDlq !== undefined ? { deliveryDlq } : {}),
          ...(counts ? { processed: counts.processed, failed: counts.failed } : local?.counts ? { processed: 0, failed: 0 } : {}),
        };
      }),
    );
    return { stack, target: target.kind, consumers: statuses, ...(local?.problem !== undefined ? { inspection: local.problem } : {}) };
  } finally {
    for (const client of clients.values()) client.destroy();
  }
}

/** The inspection API's counts; a missing or malformed answer is a note, never a failure. */
async function fetchLocalCounts(url: string): Promise<{ counts?: Record<string, LocalCounts>; problem?: string }> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
  } catch (error) {
    return { problem: `${url} did not answer (${describeNetworkError(error) ?? (error as Error).message})` };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return { problem: `${url} answered ${response.status}` };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { problem: `${url} did not answer JSON` };
  }
  const consumers = typeof body === 'object' && body !== null ? (body as { consumers?: unknown }).consumers : undefined;
  if (typeof consumers !== 'object' || consumers === null) return { problem: `${url} has no consumers field` };
  const counts: Record<string, LocalCounts> = {};
  for (const [name, value] of Object.entries(consumers as Record<string, unknown>)) {
    const entry = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    counts[name] = { processed: numberOr0(entry.processed), failed: numberOr0(entry.failed) };
  }
  return { counts };
}

/** The inspection API names consumers as the stack does (`crm-sync`); outputs only in PascalCase. */
function findCounts(counts: Record<string, LocalCounts>, consumer: ConsumerQueues): (LocalCounts & { name: string }) | undefined {
  const name = Object.keys(counts).find((candidate) => pascal(candidate) === consumer.key);
  return name === undefined ? undefined : { name, ...counts[name]! };
}

function count(value: string | undefined): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : 0;
}

function numberOr0(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function formatTable(report: StatusReport): string[] {
  const local = report.consumers.some((c) => c.processed !== undefined);
  const header = ['CONSUMER', 'QUEUED', 'IN FLIGHT', 'DELAYED', 'DLQ', 'DELIVERY DLQ', ...(local ? ['PROCESSED', 'FAILED'] : [])];
  const show = (value: number | undefined): string => (value === undefined ? '-' : String(value));
  const rows = report.consumers.map((c) => [
    c.name,
    show(c.queued),
    show(c.inFlight),
    show(c.delayed),
    show(c.dlq),
    show(c.deliveryDlq),
    ...(local ? [show(c.processed), show(c.failed)] : []),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}
