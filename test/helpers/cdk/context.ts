import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The feature flags of cdk.json, so tests synthesize with the same context as `cdk synth`. */
export function cdkJsonContext(): Record<string, unknown> {
  const path = fileURLToPath(new URL('../../../cdk.json', import.meta.url));
  return (JSON.parse(readFileSync(path, 'utf8')) as { context: Record<string, unknown> }).context;
}

/** cdk.json context plus "bundle no stack", for fast construct tests. */
export function unbundledContext(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...extra };
}
