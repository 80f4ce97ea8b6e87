import { fileURLToPath } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { IdempotencyTable } from '../../../lib/idempotency-table.js';
import { unbundledContext } from './context.js';

/** Entry file of a team's own consumer used by construct tests. */
export const TEAM_CONSUMER_ENTRY = fileURLToPath(new URL('./fixtures/team-consumer.ts', import.meta.url));

/**
 * A fresh app (cdk.json context, no bundling) and an empty stack in it. CDK's built-in
 * CloudFormation schema validation is off here because it costs seconds per synth; the default app
 * tests (test/bin) run it on the whole stack.
 */
export function newStack(id = 'Test'): { app: App; stack: Stack } {
  const app = new App({ context: unbundledContext(), builtinCloudFormationValidation: false });
  return { app, stack: new Stack(app, id) };
}

/** A stack with a bus and an idempotency table, what most constructs need. */
export function newStackWithBus(): { app: App; stack: Stack; bus: EventBus; table: IdempotencyTable } {
  const { app, stack } = newStack();
  return { app, stack, bus: new EventBus(stack, 'Bus'), table: new IdempotencyTable(stack, 'Idempotency') };
}
