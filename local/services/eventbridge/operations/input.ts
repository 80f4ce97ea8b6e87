import { ValidationError } from '../errors.js';
import type { Input } from './context.js';

/** A required string parameter, or ValidationException. */
export function requireString(input: Input, key: string): string {
  const value = input[key];
  if (typeof value !== 'string' || value === '') {
    throw new ValidationError(`1 validation error detected: Value at '${lowerFirst(key)}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

/** An optional string parameter. */
export function optionalString(input: Input, key: string): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new ValidationError(`Parameter ${key} must be a string`);
  }
  return value;
}

/**
 * A timestamp parameter in epoch ms. The JSON 1.1 protocol carries timestamps as epoch seconds
 * (the SDK sends fractional numbers); ISO strings are accepted too.
 */
export function timestampMs(value: unknown, key: string): number | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const ms = typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) {
    throw new ValidationError(`Parameter ${key} is not a valid timestamp`);
  }
  return ms;
}

/** Epoch ms → the wire's epoch seconds. */
export function seconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : ms / 1000;
}

/** Drops undefined members so the JSON answer has no `null`s. */
export function compact<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
