import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { handlerEntry } from '../lib/paths.js';
import { IntegrationStack, type ConsumerDefinition, type SourceDefinition } from '../lib/integration-stack.js';

/** Name of the default stack (and the top-level key of `cdk deploy --outputs-file`). */
export const DEFAULT_STACK_NAME = 'Hookbridge';

/** Context key: e-mail subscribed to the alarm topic (`cdk deploy -c hookbridge:alarmEmail=...`). */
export const ALARM_EMAIL_CONTEXT = 'hookbridge:alarmEmail';

/**
 * Context key: JSON object of downstream URLs per order-to-cash consumer, e.g.
 * `{"crm-sync":"https://crm.example.com/orders"}`; unset consumers only record the call.
 */
export const DOWNSTREAM_URLS_CONTEXT = 'hookbridge:downstreamUrls';

/** The sources of the default app. */
export const DEFAULT_SOURCES: readonly SourceDefinition[] = [
  { name: 'shopify', scheme: 'shopify' },
  { name: 'github', scheme: 'github' },
  { name: 'stripe', scheme: 'stripe' },
  { name: 'slack', scheme: 'slack' },
  { name: 'standard', scheme: 'standard' },
  { name: 'twilio', scheme: 'twilio' },
  {
    name: 'generic',
    scheme: 'generic',
    // What most in-house senders use: hex HMAC-SHA256, "sha256=" accepted but not required.
    genericOptions: { header: 'X-Signature', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=', prefixRequired: false },
  },
];

const ORDERS_CREATE = { source: ['webhooks.shopify'], detailType: ['orders/create'] };

/** The order-to-cash consumers of the default app (the audit-log consumer is added by the stack). */
export function defaultConsumers(downstreamUrls: Readonly<Record<string, string>> = {}): ConsumerDefinition[] {
  const consumer = (name: string, entry: Parameters<typeof handlerEntry>[0], extra: Partial<ConsumerDefinition> = {}): ConsumerDefinition => ({
    name,
    entry: handlerEntry(entry),
    eventPattern: ORDERS_CREATE,
    ...(downstreamUrls[name] ? { environment: { HOOKBRIDGE_DOWNSTREAM_URL: downstreamUrls[name] } } : {}),
    ...extra,
  });
  return [
    consumer('crm-sync', 'crmSync'),
    consumer('fraud-check', 'fraudCheck'),
    consumer('fulfillment-prep', 'fulfillmentPrep'),
    // The ERP behind finance posting is rate-limited: at most 2 concurrent invocations.
    consumer('finance-posting', 'financePosting', { maxConcurrency: 2 }),
  ];
}

/** Result of {@link createDefaultApp}. */
export interface DefaultApp {
  readonly app: App;
  readonly stack: IntegrationStack;
}

/**
 * The default deployable app: the order-to-cash example plus the other sources, with cdk-nag's
 * AwsSolutions and Serverless packs as validation plugins.
 */
export function createDefaultApp(props: AppProps = {}): DefaultApp {
  const app = new App(props);
  const alarmEmail = app.node.tryGetContext(ALARM_EMAIL_CONTEXT) as string | undefined;
  const rawUrls = app.node.tryGetContext(DOWNSTREAM_URLS_CONTEXT) as string | Record<string, string> | undefined;
  const downstreamUrls = typeof rawUrls === 'string' ? (JSON.parse(rawUrls) as Record<string, string>) : (rawUrls ?? {});

  const stack = new IntegrationStack(app, DEFAULT_STACK_NAME, {
    description: 'hookbridge: verified webhooks -> EventBridge -> SQS-buffered idempotent consumers',
    sources: DEFAULT_SOURCES,
    consumers: defaultConsumers(downstreamUrls),
    alarmEmail: alarmEmail || undefined,
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return { app, stack };
}
