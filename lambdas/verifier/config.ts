import {
  DEFAULT_BODY_LIMIT,
  DEFAULT_SECRET_CACHE_SECONDS,
  DEFAULT_TOLERANCE_SECONDS,
  MAX_BODY_LIMIT,
} from './constants.js';
import { VerifierConfigError } from './errors.js';
import { isSchemeName, SCHEME_NAMES, type SchemeName } from './schemes/index.js';

/** The verifier's configuration, read once per execution environment from the environment. */
export interface VerifierConfig {
  readonly source: string;
  readonly scheme: SchemeName;
  readonly schemeOptions: Record<string, unknown>;
  /** Public URL of the route; `undefined` derives it from the request. */
  readonly publicUrl?: string;
  readonly eventSource: string;
  readonly eventBusName: string;
  readonly secretId: string;
  readonly secretCacheSeconds: number;
  readonly bodyLimit: number;
  readonly toleranceSeconds: number;
  readonly claimCheckBucket?: string;
  /** Payload bytes above which the payload is claim-checked; `undefined`: only when the entry would not fit. */
  readonly claimCheckThreshold?: number;
}

/**
 * Reads `HOOKBRIDGE_*` variables (see docs/contract.md). Every violation is collected and reported
 * in one error naming the variable and the value given, so a misconfigured stack fails at cold
 * start with one readable message instead of answering requests wrongly.
 *
 * @throws VerifierConfigError
 */
export function readConfig(env: NodeJS.ProcessEnv): VerifierConfig {
  const problems: string[] = [];
  const required = (name: string): string => {
    const value = env[name];
    if (!value) problems.push(`${name} is required`);
    return value ?? '';
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (given ${JSON.stringify(text)})`);
    }
    return value;
  };

  const source = required('HOOKBRIDGE_SOURCE');
  const scheme = required('HOOKBRIDGE_SCHEME');
  if (scheme && !isSchemeName(scheme)) {
    problems.push(`HOOKBRIDGE_SCHEME must be one of ${SCHEME_NAMES.join(', ')} (given ${JSON.stringify(scheme)})`);
  }
  const schemeOptions = parseOptions(env.HOOKBRIDGE_SCHEME_OPTIONS, problems);
  const publicUrl = env.HOOKBRIDGE_PUBLIC_URL || undefined;
  if (publicUrl !== undefined && !/^https?:\/\/[^/?#]+/i.test(publicUrl)) {
    problems.push(`HOOKBRIDGE_PUBLIC_URL must be an absolute http(s) URL (given ${JSON.stringify(publicUrl)})`);
  }
  const eventSource = env.HOOKBRIDGE_EVENT_SOURCE || `webhooks.${source}`;
  if (eventSource.startsWith('aws.')) problems.push(`HOOKBRIDGE_EVENT_SOURCE must not start with "aws." (given ${JSON.stringify(eventSource)})`);
  const thresholdText = env.HOOKBRIDGE_CLAIM_CHECK_THRESHOLD;
  const config: VerifierConfig = {
    source,
    scheme: scheme as SchemeName,
    schemeOptions,
    publicUrl,
    eventSource,
    eventBusName: required('HOOKBRIDGE_EVENT_BUS_NAME'),
    secretId: required('HOOKBRIDGE_SECRET_ID'),
    secretCacheSeconds: integer('HOOKBRIDGE_SECRET_CACHE_SECONDS', DEFAULT_SECRET_CACHE_SECONDS, 0, 86_400),
    bodyLimit: integer('HOOKBRIDGE_BODY_LIMIT', DEFAULT_BODY_LIMIT, 1, MAX_BODY_LIMIT),
    toleranceSeconds: integer('HOOKBRIDGE_TOLERANCE_SECONDS', DEFAULT_TOLERANCE_SECONDS, 1, 86_400),
    claimCheckBucket: env.HOOKBRIDGE_CLAIM_CHECK_BUCKET || undefined,
    claimCheckThreshold: thresholdText ? integer('HOOKBRIDGE_CLAIM_CHECK_THRESHOLD', 0, 0, MAX_BODY_LIMIT) : undefined,
  };
  if (problems.length > 0) throw new VerifierConfigError(`invalid verifier configuration: ${problems.join('; ')}`);
  return config;
}

function parseOptions(text: string | undefined, problems: string[]): Record<string, unknown> {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  problems.push(`HOOKBRIDGE_SCHEME_OPTIONS must be a JSON object (given ${JSON.stringify(text)})`);
  return {};
}
