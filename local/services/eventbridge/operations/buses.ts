import { arns, busNameOf } from '../arns.js';
import { DEFAULT_BUS } from '../constants.js';
import { ResourceAlreadyExistsError, ValidationError } from '../errors.js';
import type { Input, OperationContext } from './context.js';
import { optionalString, requireString, seconds } from './input.js';

/** CreateEventBus: `Name` → `EventBusArn`. @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_CreateEventBus.html */
export function createEventBus(ctx: OperationContext, input: Input): Record<string, unknown> {
  const name = requireString(input, 'Name');
  if (ctx.state.buses.has(name)) {
    throw new ResourceAlreadyExistsError(`Event bus ${name} already exists.`);
  }
  const arn = arns.bus(ctx.state.scope, name);
  ctx.state.buses.set(name, { name, arn, creationTime: ctx.now() });
  return { EventBusArn: arn };
}

/** DescribeEventBus (name or ARN, default bus when absent). */
export function describeEventBus(ctx: OperationContext, input: Input): Record<string, unknown> {
  const bus = ctx.state.bus(optionalString(input, 'Name'));
  return { Name: bus.name, Arn: bus.arn, CreationTime: seconds(bus.creationTime) };
}

/** ListEventBuses with `NamePrefix` (no pagination: a local stack has few buses). */
export function listEventBuses(ctx: OperationContext, input: Input): Record<string, unknown> {
  const prefix = optionalString(input, 'NamePrefix') ?? '';
  const buses = [...ctx.state.buses.values()].filter((bus) => bus.name.startsWith(prefix));
  return { EventBuses: buses.map((bus) => ({ Name: bus.name, Arn: bus.arn, CreationTime: seconds(bus.creationTime) })) };
}

/** DeleteEventBus; its rules go with it. The default bus cannot be deleted. */
export function deleteEventBus(ctx: OperationContext, input: Input): Record<string, unknown> {
  const name = busNameOf(requireString(input, 'Name'));
  if (name === DEFAULT_BUS) {
    throw new ValidationError('Cannot delete event bus default.');
  }
  for (const rule of ctx.state.rulesOf(name)) {
    ctx.state.rules.delete(rule.arn);
    ctx.state.forget(rule.arn);
  }
  ctx.state.buses.delete(name);
  return {};
}
