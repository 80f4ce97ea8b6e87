import { renderTargetInput } from '../renderTargetInput.js';
import type { DeliveryOutcome } from '../TargetDispatcher.js';
import type { BusRecord, EventEnvelope } from '../types.js';
import type { OperationContext } from './context.js';

/** How an event reaches the bus: fresh from PutEvents, or replayed from an archive. */
export interface RouteOptions {
  /** Epoch ms at which EventBridge received it. */
  readonly ingestedAt: number;
  /** For replays: only these rule ARNs (all rules on the bus when absent). */
  readonly filterArns?: readonly string[];
  /** Replays are not archived again. */
  readonly replay?: boolean;
}

/**
 * Archives the event (fresh events only) and hands it to the targets of every enabled rule on the
 * bus whose pattern matches. Resolves when every delivery has ended.
 */
export async function routeEvent(
  ctx: OperationContext,
  bus: BusRecord,
  event: EventEnvelope,
  options: RouteOptions,
): Promise<DeliveryOutcome[]> {
  if (options.replay !== true) {
    for (const archive of ctx.state.archives.values()) {
      if (archive.eventSourceArn !== bus.arn) continue;
      const pattern = ctx.state.compiled(archive.arn, archive.eventPattern);
      if (pattern === undefined || pattern.matches(event)) {
        archive.events.push({ event, ingestedAt: options.ingestedAt });
        ctx.onArchived?.({ type: 'archived', archive: archive.name, event, ingestedAt: options.ingestedAt });
      }
    }
  }
  const deliveries: Promise<DeliveryOutcome>[] = [];
  for (const rule of ctx.state.rulesOf(bus.name)) {
    if (rule.state !== 'ENABLED' || (options.filterArns !== undefined && !options.filterArns.includes(rule.arn))) {
      continue;
    }
    const pattern = ctx.state.compiled(rule.arn, rule.eventPattern);
    if (pattern === undefined || !pattern.matches(event)) {
      continue;
    }
    for (const target of rule.targets) {
      const body = renderTargetInput(target, event, { ruleArn: rule.arn, ruleName: rule.name, ingestedAt: options.ingestedAt });
      deliveries.push(ctx.dispatcher.dispatch(target, body, rule.arn));
    }
  }
  return Promise.all(deliveries);
}
