import type { EventBridgeService } from '../services/eventbridge/index.js';
import type { SqsService } from '../services/sqs/index.js';
import type { ResourceGraph } from '../template/index.js';
import { ResourceSetupError } from './errors.js';

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/**
 * Creates the stack's queues (queues already restored from STATE_DIR are kept), then sets their
 * redrive policies once every dead-letter queue exists.
 *
 * @throws ResourceSetupError naming the queue when the emulator refuses it
 */
export function setupQueues(sqs: SqsService, graph: ResourceGraph): void {
  for (const queue of graph.queues) {
    if (queue.fifo) {
      throw new ResourceSetupError(`${queue.logicalId} (AWS::SQS::Queue ${queue.name}): FIFO queues are not emulated locally; use a standard queue or run the stack on AWS`);
    }
    try {
      sqs.createQueue(queue.name, {
        VisibilityTimeout: String(queue.visibilityTimeoutSeconds),
        MessageRetentionPeriod: String(queue.messageRetentionSeconds),
        DelaySeconds: String(queue.delaySeconds),
        ReceiveMessageWaitTimeSeconds: String(queue.receiveWaitTimeSeconds),
        MaximumMessageSize: String(queue.maximumMessageSizeBytes),
      });
    } catch (error) {
      throw new ResourceSetupError(`${queue.logicalId} (AWS::SQS::Queue ${queue.name}): ${describe(error)}; fix the queue's properties in the stack`, { cause: error });
    }
  }
  for (const queue of graph.queues) {
    if (!queue.redrivePolicy) continue;
    try {
      sqs.setQueueAttributes(queue.name, { RedrivePolicy: JSON.stringify(queue.redrivePolicy) });
    } catch (error) {
      throw new ResourceSetupError(`${queue.logicalId} (AWS::SQS::Queue ${queue.name}): redrive policy refused (${describe(error)}); point deadLetterQueue at a queue of the stack`, { cause: error });
    }
  }
}

/**
 * Creates the stack's buses, rules with their SQS targets, and archives in the EventBridge
 * emulator. Returns one warning per target the runtime cannot deliver to (only SQS targets are).
 *
 * @throws ResourceSetupError naming the rule or archive the emulator refuses (e.g. an invalid pattern)
 */
export async function setupEventBridge(events: EventBridgeService, graph: ResourceGraph): Promise<string[]> {
  const warnings: string[] = [];
  for (const bus of graph.eventBuses) {
    if (bus.logicalId === undefined || bus.name === 'default') continue;
    await events.createBus({ Name: bus.name });
  }
  for (const rule of graph.rules) {
    try {
      await events.putRule({
        Name: rule.name,
        EventBusName: rule.busName,
        State: rule.state,
        ...(rule.eventPattern !== undefined ? { EventPattern: JSON.stringify(rule.eventPattern) } : {}),
        ...(rule.scheduleExpression !== undefined ? { ScheduleExpression: rule.scheduleExpression } : {}),
      });
      const targets = rule.targets.filter((target) => {
        if (target.kind === 'sqs') return true;
        warnings.push(`${rule.logicalId}: target ${target.id} (${target.kind}) is not delivered locally (only SQS targets are)`);
        return false;
      });
      if (targets.length === 0) continue;
      await events.putTargets({
        Rule: rule.name,
        EventBusName: rule.busName,
        Targets: targets.map((target) => ({
          Id: target.id,
          Arn: target.arn,
          ...(target.input !== undefined ? { Input: target.input } : {}),
          ...(target.inputPath !== undefined ? { InputPath: target.inputPath } : {}),
          ...(target.inputTransformer !== undefined
            ? { InputTransformer: { InputTemplate: target.inputTransformer.inputTemplate, ...(target.inputTransformer.inputPathsMap ? { InputPathsMap: target.inputTransformer.inputPathsMap } : {}) } }
            : {}),
          ...(target.deadLetterArn !== undefined ? { DeadLetterConfig: { Arn: target.deadLetterArn } } : {}),
          ...(target.retryPolicy !== undefined
            ? { RetryPolicy: { MaximumRetryAttempts: target.retryPolicy.maximumRetryAttempts, MaximumEventAgeInSeconds: target.retryPolicy.maximumEventAgeInSeconds } }
            : {}),
        })),
      });
    } catch (error) {
      throw new ResourceSetupError(`${rule.logicalId} (AWS::Events::Rule ${rule.name}): ${describe(error)}; fix the rule in the stack`, { cause: error });
    }
  }
  for (const archive of graph.archives) {
    try {
      await events.createArchive({
        ArchiveName: archive.name,
        EventSourceArn: archive.sourceArn,
        RetentionDays: archive.retentionDays,
        ...(archive.eventPattern !== undefined ? { EventPattern: JSON.stringify(archive.eventPattern) } : {}),
      });
    } catch (error) {
      throw new ResourceSetupError(`${archive.logicalId} (AWS::Events::Archive ${archive.name}): ${describe(error)}; fix the archive in the stack`, { cause: error });
    }
  }
  return warnings;
}
