import { InvalidParameterValueError } from './errors.js';

/**
 * An integer request parameter within `[min, max]` (numbers or numeric strings), else
 * InvalidParameterValue naming the parameter and the range.
 */
export function integerIn(name: string, value: unknown, min: number, max: number): number {
  const parsed = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof parsed !== 'number' || !Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new InvalidParameterValueError(`Value ${String(value)} for parameter ${name} is invalid. Reason: Must be between ${min} and ${max}, if provided.`);
  }
  return parsed;
}
