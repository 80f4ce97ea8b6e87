import { TemplateError } from './errors.js';
import type { PolicyDocument, PolicyStatement, ResolvedResource } from './types.js';

/** Typed readers of resolved properties; each failure names the resource and the property. */
export class Props {
  public constructor(private readonly resource: ResolvedResource) {}

  public get raw(): Readonly<Record<string, unknown>> {
    return this.resource.properties;
  }

  public optionalString(name: string): string | undefined {
    const value = this.resource.properties[name];
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw this.error(name, 'a string', value);
  }

  public string(name: string): string {
    const value = this.optionalString(name);
    if (value === undefined) throw new TemplateError(`${this.resource.logicalId} (${this.resource.type}): property ${name} is required`);
    return value;
  }

  public number(name: string, fallback: number): number;
  public number(name: string): number | undefined;
  public number(name: string, fallback?: number): number | undefined {
    return toNumber(this.resource.properties[name], fallback, () => this.error(name, 'a number', this.resource.properties[name]));
  }

  public boolean(name: string, fallback: boolean): boolean {
    const value = this.resource.properties[name];
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    throw this.error(name, 'a boolean', value);
  }

  public record(name: string): Readonly<Record<string, unknown>> | undefined {
    return asRecord(this.resource.properties[name]);
  }

  public list(name: string): readonly unknown[] {
    const value = this.resource.properties[name];
    if (value === undefined) return [];
    if (Array.isArray(value)) return value;
    throw this.error(name, 'a list', value);
  }

  private error(name: string, expected: string, value: unknown): TemplateError {
    return new TemplateError(
      `${this.resource.logicalId} (${this.resource.type}): property ${name} should resolve to ${expected}, got ${JSON.stringify(value)}`,
    );
  }
}

/** A number from a number or numeric string; `fallback` when absent. */
export function toNumber(value: unknown, fallback: number | undefined, fail: () => Error): number | undefined {
  if (value === undefined) return fallback;
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (Number.isNaN(n)) throw fail();
  return n;
}

/** The value as a plain object, or `undefined`. */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A JSON object given either as an object or as a JSON string (EventPattern, RedrivePolicy, filter patterns). */
export function jsonObject(value: unknown, what: string): Readonly<Record<string, unknown>> | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    try {
      return asRecord(JSON.parse(value)) ?? fail();
    } catch {
      return fail();
    }
  }
  return asRecord(value) ?? fail();
  function fail(): never {
    throw new TemplateError(`${what} should be a JSON object, got ${JSON.stringify(value)}`);
  }
}

/** A policy document with `Statement` always a list. */
export function toPolicyDocument(value: unknown, what: string): PolicyDocument {
  const document = jsonObject(value, what) ?? {};
  const statements = document.Statement === undefined ? [] : Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  return {
    ...(typeof document.Version === 'string' ? { Version: document.Version } : {}),
    Statement: statements as PolicyStatement[],
  };
}

/** Environment values as strings (CloudFormation passes every variable as a string). */
export function stringMap(value: unknown): Record<string, string> {
  const record = asRecord(value) ?? {};
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v)]),
  );
}
