import { ValidationError } from '../errors.js';
import type { TargetRecord } from '../types.js';
import type { Input, OperationContext } from './context.js';
import { optionalString, requireString } from './input.js';

const RESERVED_VARIABLE = /^aws\.events\./i;

/**
 * PutTargets: adds or replaces targets by `Id`. Only SQS queue ARNs are deliverable locally; any
 * other target type is refused with ValidationException rather than silently dropped.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutTargets.html
 */
export function putTargets(ctx: OperationContext, input: Input): Record<string, unknown> {
  const rule = ctx.state.rule(optionalString(input, 'EventBusName'), requireString(input, 'Rule'));
  const targets = input.Targets;
  if (!Array.isArray(targets) || targets.length === 0) {
    throw new ValidationError('Parameter Targets must be a non-empty list.');
  }
  for (const raw of targets as TargetRecord[]) {
    const target = validateTarget(raw);
    const at = rule.targets.findIndex((t) => t.Id === target.Id);
    if (at >= 0) {
      rule.targets[at] = target;
    } else {
      rule.targets.push(target);
    }
  }
  return { FailedEntryCount: 0, FailedEntries: [] };
}

/** ListTargetsByRule. */
export function listTargetsByRule(ctx: OperationContext, input: Input): Record<string, unknown> {
  const rule = ctx.state.rule(optionalString(input, 'EventBusName'), requireString(input, 'Rule'));
  return { Targets: structuredClone(rule.targets) };
}

/** RemoveTargets by `Ids`; unknown ids are ignored. */
export function removeTargets(ctx: OperationContext, input: Input): Record<string, unknown> {
  const rule = ctx.state.rule(optionalString(input, 'EventBusName'), requireString(input, 'Rule'));
  const ids = new Set(Array.isArray(input.Ids) ? (input.Ids as unknown[]) : []);
  rule.targets = rule.targets.filter((t) => !ids.has(t.Id));
  return { FailedEntryCount: 0, FailedEntries: [] };
}

function validateTarget(target: TargetRecord): TargetRecord {
  if (typeof target?.Id !== 'string' || typeof target.Arn !== 'string') {
    throw new ValidationError('Each target needs an Id and an Arn.');
  }
  if (!target.Arn.startsWith('arn:aws:sqs:')) {
    throw new ValidationError(`Target ${target.Id}: only SQS queue targets are supported locally (given ${target.Arn}).`);
  }
  const inputs = [target.Input, target.InputPath, target.InputTransformer].filter((v) => v !== undefined);
  if (inputs.length > 1) {
    throw new ValidationError(`Target ${target.Id}: only one of Input, InputPath or InputTransformer may be given.`);
  }
  const transformer = target.InputTransformer;
  if (transformer !== undefined) {
    if (typeof transformer.InputTemplate !== 'string') {
      throw new ValidationError(`Target ${target.Id}: InputTransformer.InputTemplate is required.`);
    }
    const names = Object.keys(transformer.InputPathsMap ?? {});
    // "These variables are reserved, and you can't create variables with these names."
    if (names.length > 100 || names.some((n) => RESERVED_VARIABLE.test(n))) {
      throw new ValidationError(`Target ${target.Id}: InputPathsMap has reserved names or more than 100 entries.`);
    }
  }
  return structuredClone(target);
}
