/*
 * The soak fixture app: the PRODUCTION constructs (lib/) with one GitHub source, the audit-log
 * consumer, and three soak consumers that report to the soak run's downstream server (ledger: every
 * event; flaky: fails transiently; poison: fails until a flag is fixed). Timeouts and backoff are in
 * seconds so retries, dead-lettering and redrive all happen within the run.
 *
 *   npx cdk synth --app "npx tsx bench/soak/app/app.ts" \
 *     -c hookbridge-soak:downstreamUrl=http://127.0.0.1:8080 --output <dir>
 */
import { App, CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Match } from 'aws-cdk-lib/aws-events';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { fileURLToPath } from 'node:url';
import { IntegrationStack, type ConsumerDefinition } from '../../../lib/index.js';
import {
  SOAK_BACKOFF_BASE_SECONDS,
  SOAK_BACKOFF_MAX_SECONDS,
  SOAK_DOWNSTREAM_CONTEXT,
  SOAK_FLAG_TABLE_ENV,
  SOAK_FLAG_TABLE_OUTPUT,
  SOAK_MAX_RECEIVE_COUNT,
  SOAK_POISON_MAX_RECEIVE_COUNT,
  SOAK_REPORT_URL_ENV,
  SOAK_SOURCE,
  SOAK_STACK_NAME,
  SOAK_TIMEOUT_SECONDS,
  SoakConsumers,
  SoakPaths,
} from './constants.js';

const handler = (file: string): string => fileURLToPath(new URL(`./handlers/${file}`, import.meta.url));

/** Builds the soak app; the context `hookbridge-soak:downstreamUrl` is the base URL of the soak's downstream server. */
export function createSoakApp(app: App = new App()): IntegrationStack {
  const downstreamUrl = app.node.tryGetContext(SOAK_DOWNSTREAM_CONTEXT) as string | undefined;
  if (!downstreamUrl) throw new Error(`the soak app needs -c ${SOAK_DOWNSTREAM_CONTEXT}=<base URL of the soak downstream server>`);
  const base = downstreamUrl.replace(/\/+$/, '');
  const source = `webhooks.${SOAK_SOURCE}`;
  const fast = {
    timeout: Duration.seconds(SOAK_TIMEOUT_SECONDS),
    backoffBase: Duration.seconds(SOAK_BACKOFF_BASE_SECONDS),
    backoffMax: Duration.seconds(SOAK_BACKOFF_MAX_SECONDS),
    maxReceiveCount: SOAK_MAX_RECEIVE_COUNT,
  };
  const report = (path: string) => ({ [SOAK_REPORT_URL_ENV]: `${base}${path}` });
  const consumers: ConsumerDefinition[] = [
    { name: SoakConsumers.ledger, entry: handler('report.ts'), eventPattern: { source: [source] }, environment: report(SoakPaths.ledger), ...fast },
    {
      name: SoakConsumers.flaky,
      entry: handler('report.ts'),
      eventPattern: { source: [source], detailType: Match.prefix('flaky.') },
      environment: report(SoakPaths.flaky),
      ...fast,
    },
    {
      name: SoakConsumers.poison,
      entry: handler('poison.ts'),
      eventPattern: { source: [source], detailType: Match.prefix('poison.') },
      environment: report(SoakPaths.poison),
      ...fast,
      maxReceiveCount: SOAK_POISON_MAX_RECEIVE_COUNT,
    },
  ];
  const stack = new IntegrationStack(app, SOAK_STACK_NAME, {
    description: 'hookbridge soak fixture: production constructs plus soak consumers',
    sources: [{ name: SOAK_SOURCE, scheme: 'github' }],
    consumers,
  });

  // The audit consumer gets the soak's fast timings too (escape hatch: IntegrationStack has no prop
  // for them); otherwise messages in flight at the SIGKILL come back only after 3 minutes.
  const audit = stack.consumers['audit-log']!;
  (audit.handler.function.node.defaultChild as CfnFunction).timeout = SOAK_TIMEOUT_SECONDS;
  (audit.queue.node.defaultChild as CfnQueue).visibilityTimeout = SOAK_TIMEOUT_SECONDS * 6;

  const flags = new Table(stack, 'FlagTable', {
    partitionKey: { name: 'pk', type: AttributeType.STRING },
    billingMode: BillingMode.PAY_PER_REQUEST,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const poison = stack.consumers[SoakConsumers.poison]!.handler.function;
  poison.addEnvironment(SOAK_FLAG_TABLE_ENV, flags.tableName);
  flags.grant(poison, 'dynamodb:GetItem');
  new CfnOutput(stack, SOAK_FLAG_TABLE_OUTPUT, { value: flags.tableName, description: 'Flag table of the soak fixture' });
  return stack;
}
