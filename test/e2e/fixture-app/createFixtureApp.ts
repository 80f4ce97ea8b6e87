/*
 * The e2e fixture app: the PRODUCTION constructs (lib/) with every scheme as a source, the
 * audit-log consumer, the production crm-sync consumer pointed at the test's downstream server,
 * and consumers that exist only here (a new source and rule, a transiently failing consumer, a
 * poison consumer, one without a grant it needs, a claim-check sink, a replay witness). Nothing
 * under local/ knows about any of them: the local runtime runs whatever this synthesizes.
 *
 *   npx cdk synth --app "npx tsx test/e2e/fixture-app/app.ts" \
 *     -c hookbridge-e2e:downstreamUrl=http://127.0.0.1:8080 --output <dir>
 */
import { App, CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { Match } from 'aws-cdk-lib/aws-events';
import { fileURLToPath } from 'node:url';
import { handlerEntry, IntegrationStack, type ConsumerDefinition, type SourceDefinition } from '../../../lib/index.js';
import {
  CLAIM_CHECK_THRESHOLD_CONTEXT,
  DEFAULT_CLAIM_CHECK_THRESHOLD,
  DOWNSTREAM_CONTEXT,
  DownstreamPaths,
  FIXTURE_BACKOFF_BASE_SECONDS,
  FIXTURE_BACKOFF_MAX_SECONDS,
  FIXTURE_MAX_RECEIVE_COUNT,
  FIXTURE_STACK_NAME,
  FIXTURE_TIMEOUT_SECONDS,
  FIXTURE_VISIBILITY_SECONDS,
  FixtureConsumers,
  FixtureSources,
  FLAG_KEY,
  FLAG_TABLE_ENV,
  FLAG_TABLE_OUTPUT,
  PARTNER_SIGNATURE_HEADER,
  PartnerTypes,
  POISON_MAX_RECEIVE_COUNT,
  REPORT_URL_ENV,
} from './constants.js';

const handler = (file: string): string => fileURLToPath(new URL(`./handlers/${file}`, import.meta.url));

/** Builds the fixture app; `downstreamUrl` is the base URL of the test's downstream HTTP server. */
export function createFixtureApp(app: App = new App()): IntegrationStack {
  const downstreamUrl = app.node.tryGetContext(DOWNSTREAM_CONTEXT) as string | undefined;
  if (!downstreamUrl) {
    throw new Error(`the e2e fixture app needs -c ${DOWNSTREAM_CONTEXT}=<base URL of the downstream test server>`);
  }
  const base = downstreamUrl.replace(/\/+$/, '');
  const threshold = Number(app.node.tryGetContext(CLAIM_CHECK_THRESHOLD_CONTEXT) ?? DEFAULT_CLAIM_CHECK_THRESHOLD);

  const sources: SourceDefinition[] = [
    { name: FixtureSources.github, scheme: 'github' },
    { name: FixtureSources.stripe, scheme: 'stripe' },
    { name: FixtureSources.slack, scheme: 'slack' },
    { name: FixtureSources.shopify, scheme: 'shopify' },
    { name: FixtureSources.standard, scheme: 'standard' },
    { name: FixtureSources.twilio, scheme: 'twilio' },
    { name: FixtureSources.generic, scheme: 'generic', genericOptions: { prefix: 'sha256=' } },
    {
      name: FixtureSources.partner,
      scheme: 'generic',
      genericOptions: { header: PARTNER_SIGNATURE_HEADER, algorithm: 'sha512', encoding: 'base64' },
    },
    { name: FixtureSources.bulk, scheme: 'generic', genericOptions: { prefix: 'sha256=' }, claimCheckThresholdBytes: threshold },
  ];

  const fast = {
    timeout: Duration.seconds(FIXTURE_TIMEOUT_SECONDS),
    backoffBase: Duration.seconds(FIXTURE_BACKOFF_BASE_SECONDS),
    backoffMax: Duration.seconds(FIXTURE_BACKOFF_MAX_SECONDS),
    maxReceiveCount: FIXTURE_MAX_RECEIVE_COUNT,
  };
  const partner = (prefix: string) => ({ source: [`webhooks.${FixtureSources.partner}`], detailType: Match.prefix(prefix) });
  const report = (path: string) => ({ [REPORT_URL_ENV]: `${base}${path}` });

  const consumers: ConsumerDefinition[] = [
    {
      name: FixtureConsumers.crmSync,
      entry: handlerEntry('crmSync'),
      eventPattern: { source: [`webhooks.${FixtureSources.shopify}`], detailType: ['orders/create'] },
      environment: { HOOKBRIDGE_DOWNSTREAM_URL: `${base}${DownstreamPaths.crmSync}` },
      ...fast,
    },
    {
      name: FixtureConsumers.ledger,
      entry: handler('report-event.ts'),
      eventPattern: partner(PartnerTypes.ledgerPrefix),
      environment: report(DownstreamPaths.ledger),
      ...fast,
    },
    {
      name: FixtureConsumers.flaky,
      entry: handler('report-event.ts'),
      eventPattern: partner(PartnerTypes.flakyPrefix),
      environment: report(DownstreamPaths.flaky),
      ...fast,
      maxReceiveCount: 5,
    },
    {
      name: FixtureConsumers.poison,
      entry: handler('poison.ts'),
      eventPattern: partner(PartnerTypes.poisonPrefix),
      environment: report(DownstreamPaths.poison),
      ...fast,
      maxReceiveCount: POISON_MAX_RECEIVE_COUNT,
    },
    {
      name: FixtureConsumers.denied,
      entry: handler('denied.ts'),
      eventPattern: partner(PartnerTypes.deniedPrefix),
      environment: report(DownstreamPaths.denied),
      ...fast,
    },
    {
      name: FixtureConsumers.bulkSink,
      entry: handler('report-event.ts'),
      eventPattern: { source: [`webhooks.${FixtureSources.bulk}`] },
      environment: report(DownstreamPaths.bulkSink),
      ...fast,
    },
    {
      name: FixtureConsumers.witness,
      entry: handler('witness.ts'),
      eventPattern: partner(PartnerTypes.replayPrefix),
      environment: report(DownstreamPaths.witness),
      ...fast,
    },
  ];

  const stack = new IntegrationStack(app, FIXTURE_STACK_NAME, {
    description: 'hookbridge e2e fixture: production constructs plus test-only consumers',
    sources,
    consumers,
  });

  // Fast timings for every queue, including the audit-log consumer's, which the stack adds with
  // production timings (30 s timeout, 180 s visibility: messages in flight at a SIGKILL would come
  // back only after 3 minutes). Escape hatches: IntegrationStack has no prop for the audit
  // consumer's timings, and QueuedConsumer insists on 6 × the timeout.
  (stack.consumers['audit-log']!.handler.function.node.defaultChild as CfnFunction).timeout = FIXTURE_TIMEOUT_SECONDS;
  for (const consumer of Object.values(stack.consumers)) {
    (consumer.queue.node.defaultChild as CfnQueue).visibilityTimeout = FIXTURE_VISIBILITY_SECONDS;
  }

  // The poison switch and the AccessDenied target: poison and denied may only read it.
  const flags = new Table(stack, 'FlagTable', {
    partitionKey: { name: FLAG_KEY, type: AttributeType.STRING },
    billingMode: BillingMode.PAY_PER_REQUEST,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  for (const name of [FixtureConsumers.poison, FixtureConsumers.denied]) {
    const fn = stack.consumers[name]!.handler.function;
    fn.addEnvironment(FLAG_TABLE_ENV, flags.tableName);
    flags.grant(fn, 'dynamodb:GetItem');
  }
  new CfnOutput(stack, FLAG_TABLE_OUTPUT, { value: flags.tableName, description: 'Flag table of the e2e fixture' });
  return stack;
}

