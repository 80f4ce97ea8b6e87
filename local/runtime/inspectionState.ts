import type { FaultInjector } from '../edge/index.js';
import type { SqsPoller } from '../pollers/index.js';
import type { EventBridgeService } from '../services/eventbridge/index.js';
import type { SqsService } from '../services/sqs/index.js';
import type { ResourceGraph } from '../template/index.js';
import type { RunningFunction } from './setupFunctions.js';
import type { ConsumerState, InspectionState, QueueState, SourceState } from './types.js';

/** Accepted/rejected answers per webhook source, counted at the gateway. */
export class SourceCounters {
  private readonly counts = new Map<string, { accepted: number; rejected: number }>();

  /** Counts one answer of a source's verifier: 2xx accepted, anything else (or a failure) rejected. */
  public record(source: string, status: number | undefined): void {
    const entry = this.counts.get(source) ?? { accepted: 0, rejected: 0 };
    if (status !== undefined && status >= 200 && status < 300) entry.accepted++;
    else entry.rejected++;
    this.counts.set(source, entry);
  }

  public snapshot(sources: Iterable<string>): Record<string, SourceState> {
    const out: Record<string, SourceState> = {};
    for (const source of sources) out[source] = { ...(this.counts.get(source) ?? { accepted: 0, rejected: 0 }) };
    return out;
  }
}

/** What `GET /_local/state` reads. */
export interface InspectionSources {
  readonly graph: ResourceGraph;
  readonly sqs: SqsService;
  readonly events: EventBridgeService;
  readonly faults: FaultInjector;
  readonly functions: ReadonlyMap<string, RunningFunction>;
  /** Pollers by the logical id of their function. */
  readonly pollers: readonly { readonly functionLogicalId: string; readonly poller: SqsPoller }[];
  readonly sourceCounters: SourceCounters;
  readonly startedAt: Date;
  readonly putEventsFailingUntil: () => number;
}

const count = (attributes: Record<string, string>, name: string): number => Number(attributes[name] ?? 0);

/** Builds the body of `GET /_local/state`: consumers, queues, sources, functions, EventBridge deliveries, faults. */
export function inspectionState(s: InspectionSources): InspectionState {
  const consumers: Record<string, ConsumerState> = {};
  for (const { functionLogicalId, poller } of s.pollers) {
    const fn = s.functions.get(functionLogicalId);
    const stats = poller.stats();
    const name = fn?.consumerName ?? functionLogicalId;
    const queue = s.graph.queues.find((q) => q.arn === stats.queueArn)?.name ?? stats.queueArn;
    const earlier = consumers[name];
    consumers[name] = {
      functionName: stats.functionName,
      queue,
      processed: stats.recordsProcessed + (earlier?.processed ?? 0),
      failed: stats.recordsFailed + (earlier?.failed ?? 0),
      invocations: stats.invocations + (earlier?.invocations ?? 0),
      failedInvocations: stats.failedInvocations + (earlier?.failedInvocations ?? 0),
      inFlight: stats.inFlight + (earlier?.inFlight ?? 0),
    };
  }
  const queues: Record<string, QueueState> = {};
  for (const queue of s.graph.queues) {
    let attributes: Record<string, string>;
    let counters;
    try {
      attributes = s.sqs.getQueueAttributes(queue.name, ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed']);
      counters = s.sqs.counters(queue.name);
    } catch {
      continue; // deleted through the API
    }
    const dlq = queue.redrivePolicy ? s.graph.queues.find((q) => q.arn === queue.redrivePolicy?.deadLetterTargetArn)?.name : undefined;
    queues[queue.name] = {
      url: queue.url,
      arn: queue.arn,
      visible: count(attributes, 'ApproximateNumberOfMessages'),
      inFlight: count(attributes, 'ApproximateNumberOfMessagesNotVisible'),
      delayed: count(attributes, 'ApproximateNumberOfMessagesDelayed'),
      ...counters,
      ...(dlq !== undefined ? { deadLetterQueue: dlq } : {}),
    };
  }
  const functions: Record<string, { invocations: number; errors: number; timeouts: number; active: number }> = {};
  const sources = new Set<string>();
  for (const fn of s.functions.values()) {
    const stats = fn.runner.stats();
    functions[fn.node.logicalId] = { invocations: stats.invocations, errors: stats.errors, timeouts: stats.timeouts, active: stats.active };
    if (fn.source !== undefined) sources.add(fn.source);
  }
  const until = s.putEventsFailingUntil();
  return {
    stackName: s.graph.stackName,
    startedAt: s.startedAt.toISOString(),
    consumers,
    queues,
    sources: s.sourceCounters.snapshot(sources),
    functions,
    events: { ...s.events.metrics() },
    faults: { ...s.faults.list(), ...(until > Date.now() ? { events: { putEventsFailingUntil: new Date(until).toISOString() } } : {}) },
  };
}
