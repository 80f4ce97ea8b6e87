import {
  FIFO_QUEUE_ATTRIBUTES,
  MAX_RECEIVE_COUNT_RANGE,
  QUEUE_ATTRIBUTE_DEFAULTS,
  QUEUE_ATTRIBUTE_RANGES,
  SETTABLE_QUEUE_ATTRIBUTES,
} from './constants.js';
import { InvalidAttributeNameError, InvalidAttributeValueError, InvalidParameterValueError, UnsupportedOperationError } from './errors.js';
import type { RedrivePolicy } from './types.js';

/** Attributes whose empty value removes them (SetQueueAttributes `RedrivePolicy: ""`). */
const REMOVABLE = new Set(['RedrivePolicy', 'RedriveAllowPolicy', 'Policy', 'KmsMasterKeyId']);

/** Validated attribute changes: values to set and names to remove. */
export interface AttributeChanges {
  readonly set: Record<string, string>;
  readonly removed: string[];
}

function asInteger(name: string, value: string): number {
  const [min, max] = QUEUE_ATTRIBUTE_RANGES[name];
  const parsed = /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new InvalidAttributeValueError(`Invalid value for the parameter ${name}. Reason: must be an integer from ${min} to ${max}.`);
  }
  return parsed;
}

function parseJsonObject(name: string, value: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new InvalidAttributeValueError(`Invalid value for the parameter ${name}. Reason: Invalid JSON.`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InvalidAttributeValueError(`Invalid value for the parameter ${name}. Reason: must be a JSON object.`);
  }
  return parsed as Record<string, unknown>;
}

/**
 * Normalises a RedrivePolicy to AWS's form (`maxReceiveCount` as a number) after checking it.
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html
 */
function normaliseRedrivePolicy(value: string): string {
  const policy = parseJsonObject('RedrivePolicy', value);
  const target = policy.deadLetterTargetArn;
  if (typeof target !== 'string' || !target.startsWith('arn:')) {
    throw new InvalidParameterValueError(`Value ${value} for parameter RedrivePolicy is invalid. Reason: Redrive policy does not contain a valid deadLetterTargetArn.`);
  }
  const count = Number(policy.maxReceiveCount);
  const [min, max] = MAX_RECEIVE_COUNT_RANGE;
  if (!Number.isInteger(count) || count < min || count > max) {
    throw new InvalidParameterValueError(`Value ${value} for parameter RedrivePolicy is invalid. Reason: Invalid value for maxReceiveCount: ${String(policy.maxReceiveCount)}, valid values are from ${min} to ${max} both inclusive.`);
  }
  return JSON.stringify({ deadLetterTargetArn: target, maxReceiveCount: count });
}

function normaliseRedriveAllowPolicy(value: string): string {
  const policy = parseJsonObject('RedriveAllowPolicy', value);
  const permission = policy.redrivePermission;
  if (permission !== 'allowAll' && permission !== 'denyAll' && permission !== 'byQueue') {
    throw new InvalidParameterValueError(`Value ${value} for parameter RedriveAllowPolicy is invalid. Reason: redrivePermission must be allowAll, denyAll or byQueue.`);
  }
  const sources = policy.sourceQueueArns;
  if (permission === 'byQueue') {
    if (!Array.isArray(sources) || sources.length < 1 || sources.length > 10 || !sources.every((s) => typeof s === 'string')) {
      throw new InvalidParameterValueError(`Value ${value} for parameter RedriveAllowPolicy is invalid. Reason: byQueue needs 1 to 10 sourceQueueArns.`);
    }
    return JSON.stringify({ redrivePermission: permission, sourceQueueArns: sources });
  }
  if (sources !== undefined) {
    throw new InvalidParameterValueError(`Value ${value} for parameter RedriveAllowPolicy is invalid. Reason: sourceQueueArns is only allowed with byQueue.`);
  }
  return JSON.stringify({ redrivePermission: permission });
}

/**
 * Checks attributes of CreateQueue / SetQueueAttributes and returns them in the form GetQueueAttributes
 * reports. Unknown names fail with InvalidAttributeName; FIFO attributes are refused because FIFO
 * queues are not emulated.
 */
export function validateQueueAttributes(input: Readonly<Record<string, unknown>>): AttributeChanges {
  const set: Record<string, string> = {};
  const removed: string[] = [];
  for (const [name, raw] of Object.entries(input)) {
    if (FIFO_QUEUE_ATTRIBUTES.has(name)) {
      if (name === 'FifoQueue' && String(raw) === 'false') continue;
      throw new UnsupportedOperationError(`FIFO queues are not emulated by the local runtime (attribute ${name}).`);
    }
    if (!SETTABLE_QUEUE_ATTRIBUTES.has(name)) throw new InvalidAttributeNameError(name);
    if (typeof raw !== 'string') throw new InvalidAttributeValueError(`Invalid value for the parameter ${name}. Reason: must be a string.`);
    if (raw === '' && REMOVABLE.has(name)) {
      removed.push(name);
      continue;
    }
    if (name in QUEUE_ATTRIBUTE_RANGES) set[name] = String(asInteger(name, raw));
    else if (name === 'RedrivePolicy') set[name] = normaliseRedrivePolicy(raw);
    else if (name === 'RedriveAllowPolicy') set[name] = normaliseRedriveAllowPolicy(raw);
    else if (name === 'SqsManagedSseEnabled') {
      if (raw !== 'true' && raw !== 'false') throw new InvalidAttributeValueError(`Invalid value for the parameter ${name}.`);
      set[name] = raw;
    } else set[name] = raw;
  }
  return { set, removed };
}

/** The queue's effective value of a settable attribute (its own value, else the AWS default). */
export function effectiveAttribute(attributes: Readonly<Record<string, string>>, name: string): string | undefined {
  return attributes[name] ?? QUEUE_ATTRIBUTE_DEFAULTS[name];
}

/** Numeric attribute with its default. */
export function numericAttribute(attributes: Readonly<Record<string, string>>, name: string): number {
  return Number(effectiveAttribute(attributes, name) ?? '0');
}

/** The queue's RedrivePolicy, if it has one. */
export function parseRedrivePolicy(attributes: Readonly<Record<string, string>>): RedrivePolicy | undefined {
  const raw = attributes.RedrivePolicy;
  if (raw === undefined) return undefined;
  const parsed = JSON.parse(raw) as { deadLetterTargetArn: string; maxReceiveCount: number };
  return { deadLetterTargetArn: parsed.deadLetterTargetArn, maxReceiveCount: Number(parsed.maxReceiveCount) };
}

/** Whether a dead-letter queue's RedriveAllowPolicy lets `sourceArn` use it. */
export function redriveAllowed(deadLetterAttributes: Readonly<Record<string, string>>, sourceArn: string): boolean {
  const raw = deadLetterAttributes.RedriveAllowPolicy;
  if (raw === undefined) return true;
  const policy = JSON.parse(raw) as { redrivePermission: string; sourceQueueArns?: string[] };
  if (policy.redrivePermission === 'allowAll') return true;
  if (policy.redrivePermission === 'denyAll') return false;
  return (policy.sourceQueueArns ?? []).includes(sourceArn);
}
