import { arns } from '../arns.js';
import { ValidationError } from '../errors.js';
import { EventPattern } from '../pattern/index.js';
import type { RuleRecord } from '../types.js';
import type { Input, OperationContext } from './context.js';
import { compact, optionalString, requireString } from './input.js';

/**
 * PutRule: creates or updates a rule; an update keeps its targets. The pattern is validated and
 * compiled here, so matching never re-parses it. A `ScheduleExpression` is stored but never fires
 * locally (the stack has no scheduled rules).
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html
 */
export function putRule(ctx: OperationContext, input: Input): Record<string, unknown> {
  const name = requireString(input, 'Name');
  const bus = ctx.state.bus(optionalString(input, 'EventBusName'));
  const eventPattern = optionalString(input, 'EventPattern');
  const scheduleExpression = optionalString(input, 'ScheduleExpression');
  if (eventPattern === undefined && scheduleExpression === undefined) {
    throw new ValidationError('Parameter(s) EventPattern or ScheduleExpression must be specified.');
  }
  const state = optionalString(input, 'State') ?? 'ENABLED';
  if (state !== 'ENABLED' && state !== 'DISABLED') {
    throw new ValidationError(`Parameter State is not valid: ${state}`);
  }
  const compiled = eventPattern === undefined ? undefined : EventPattern.compile(eventPattern);
  const arn = arns.rule(ctx.state.scope, bus.name, name);
  const rule: RuleRecord = {
    name,
    arn,
    busName: bus.name,
    state,
    targets: ctx.state.rules.get(arn)?.targets ?? [],
    ...compact({ eventPattern, scheduleExpression, description: optionalString(input, 'Description') }),
  };
  ctx.state.rules.set(arn, rule);
  ctx.state.forget(arn);
  if (compiled !== undefined) {
    ctx.state.compiled(arn, compiled.source);
  }
  return { RuleArn: arn };
}

/** DescribeRule. */
export function describeRule(ctx: OperationContext, input: Input): Record<string, unknown> {
  const rule = ctx.state.rule(optionalString(input, 'EventBusName'), requireString(input, 'Name'));
  return { ...toApi(rule, ctx.state.scope.accountId) };
}

/** ListRules with `NamePrefix`, `Limit` and `NextToken` (an offset). */
export function listRules(ctx: OperationContext, input: Input): Record<string, unknown> {
  const bus = ctx.state.bus(optionalString(input, 'EventBusName'));
  const prefix = optionalString(input, 'NamePrefix') ?? '';
  const all = ctx.state.rulesOf(bus.name).filter((rule) => rule.name.startsWith(prefix));
  const start = Number(optionalString(input, 'NextToken') ?? '0');
  const limit = typeof input.Limit === 'number' ? input.Limit : all.length;
  const page = all.slice(start, start + limit);
  const next = start + limit < all.length ? String(start + limit) : undefined;
  return compact({ Rules: page.map((rule) => toApi(rule, ctx.state.scope.accountId)), NextToken: next });
}

/** DeleteRule: refused while the rule has targets unless `Force`; deleting a missing rule succeeds. */
export function deleteRule(ctx: OperationContext, input: Input): Record<string, unknown> {
  const bus = ctx.state.bus(optionalString(input, 'EventBusName'));
  const arn = arns.rule(ctx.state.scope, bus.name, requireString(input, 'Name'));
  const rule = ctx.state.rules.get(arn);
  if (rule === undefined) {
    return {};
  }
  if (rule.targets.length > 0 && input.Force !== true) {
    throw new ValidationError("Rule can't be deleted since it has targets.");
  }
  ctx.state.rules.delete(arn);
  ctx.state.forget(arn);
  return {};
}

function toApi(rule: RuleRecord, accountId: string): Record<string, unknown> {
  return compact({
    Name: rule.name,
    Arn: rule.arn,
    EventPattern: rule.eventPattern,
    ScheduleExpression: rule.scheduleExpression,
    State: rule.state,
    Description: rule.description,
    EventBusName: rule.busName,
    CreatedBy: accountId,
  });
}
