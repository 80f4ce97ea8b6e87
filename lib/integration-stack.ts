import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { Alarms } from './alarms.js';
import { ClaimCheckBucket } from './claim-check-bucket.js';
import { DEFAULT_ARCHIVE_RETENTION_DAYS } from './constants.js';
import { IdempotencyTable } from './idempotency-table.js';
import { IntegrationBus } from './integration-bus.js';
import { handlerEntry } from './paths.js';
import { QueuedConsumer, type QueuedConsumerProps } from './queued-consumer.js';
import { Violations } from './violations.js';
import { WebhookApi, type WebhookApiProps } from './webhook-api.js';
import { WebhookSource, type WebhookSourceProps } from './webhook-source.js';

/** One webhook source of an {@link IntegrationStack}: {@link WebhookSourceProps} minus what the stack wires. */
export interface SourceDefinition
  extends Omit<WebhookSourceProps, 'api' | 'eventBus' | 'claimCheckBucket' | 'name'> {
  /** Source name: route `/webhooks/<name>`, construct id, output keys. */
  readonly name: string;
}

/** One consumer of an {@link IntegrationStack}: {@link QueuedConsumerProps} minus what the stack wires. */
export interface ConsumerDefinition
  extends Omit<QueuedConsumerProps, 'eventBus' | 'idempotencyTable' | 'claimCheckBucket' | 'name'> {
  /** Consumer name: construct id, `HOOKBRIDGE_CONSUMER`, output keys. */
  readonly name: string;
  /**
   * Idempotency table of this consumer.
   * @default - the stack's shared idempotency table
   */
  readonly idempotencyTable?: ITable;
}

/** Props of {@link IntegrationStack}. */
export interface IntegrationStackProps extends StackProps {
  /** The webhook sources. */
  readonly sources: readonly SourceDefinition[];
  /** The consumers. */
  readonly consumers: readonly ConsumerDefinition[];
  /**
   * Add the audit-log consumer: every event on the bus into its own audit table (partition key `pk`).
   * @default true
   */
  readonly auditLog?: boolean;
  /**
   * Archive (replay) retention of the bus; idempotency records live one day longer by default.
   * @default Duration.days(30)
   */
  readonly archiveRetention?: Duration;
  /**
   * Days after which claim-checked payloads expire.
   * @default - archiveRetention in days
   */
  readonly claimCheckExpirationDays?: number;
  /**
   * Props of the webhook API.
   * @default - see {@link WebhookApiProps}
   */
  readonly api?: WebhookApiProps;
  /**
   * Create the alarms.
   * @default true
   */
  readonly alarms?: boolean;
  /**
   * E-mail subscribed to the alarm topic.
   * @default - no subscription
   */
  readonly alarmEmail?: string;
}

/**
 * The whole inbound-webhook backbone in one stack, from a declarative list of sources and
 * consumers.
 *
 * Outputs (the keys are stable: the local runtime and the CLI read them from
 * `cdk deploy --outputs-file`; `<Source>` and `<Consumer>` are the names in PascalCase, e.g.
 * `order-events` → `OrderEvents`):
 *
 * | key | value |
 * | --- | --- |
 * | `ApiUrl` | base URL of the webhook API, ending in `/` |
 * | `WebhookUrl<Source>` | public URL of a source's route (`<ApiUrl>webhooks/<name>`) |
 * | `SecretArn<Source>` | ARN (or name, when imported by name) of a source's signing secret |
 * | `EventBusName`, `EventBusArn` | the integration bus |
 * | `ArchiveName` | the bus archive (when the bus is archived) |
 * | `Queue<Consumer>Url` | a consumer's queue |
 * | `Dlq<Consumer>Url` | its dead-letter queue (failed maxReceiveCount times) |
 * | `DeliveryDlq<Consumer>Url` | its rule target's dead-letter queue (undeliverable events) |
 * | `IdempotencyTableName` | the shared idempotency table |
 * | `AuditTableName` | the audit table (with the audit-log consumer) |
 * | `ClaimCheckBucketName` | the claim-check bucket |
 * | `AlarmTopicArn` | the alarm topic (with alarms) |
 *
 * @example
 * new IntegrationStack(app, 'Hookbridge', {
 *   sources: [{ name: 'shopify', scheme: 'shopify' }],
 *   consumers: [{
 *     name: 'crm-sync',
 *     entry: fileURLToPath(new URL('../handlers/crm-sync.ts', import.meta.url)),
 *     eventPattern: { source: ['webhooks.shopify'], detailType: ['orders/create'] },
 *   }],
 * });
 */
export class IntegrationStack extends Stack {
  /** The webhook API. */
  public readonly api: WebhookApi;
  /** The bus. */
  public readonly bus: IntegrationBus;
  /** The shared idempotency table. */
  public readonly idempotencyTable: IdempotencyTable;
  /** The audit table, with the audit-log consumer. */
  public readonly auditTable?: IdempotencyTable;
  /** The claim-check bucket. */
  public readonly claimCheck: ClaimCheckBucket;
  /** The sources by name. */
  public readonly sources: Readonly<Record<string, WebhookSource>> = {};
  /** The consumers by name (including `audit-log`). */
  public readonly consumers: Readonly<Record<string, QueuedConsumer>> = {};
  /** The alarms, when created. */
  public readonly alarms?: Alarms;

  public constructor(scope: Construct, id: string, props: IntegrationStackProps) {
    super(scope, id, props);
    const auditLog = props.auditLog ?? true;
    const archiveRetention = props.archiveRetention ?? Duration.days(DEFAULT_ARCHIVE_RETENTION_DAYS);
    validate(this, props, auditLog, archiveRetention);

    this.bus = new IntegrationBus(this, 'Bus', { archiveRetention });
    this.idempotencyTable = new IdempotencyTable(this, 'IdempotencyTable');
    this.claimCheck = new ClaimCheckBucket(this, 'ClaimCheck', {
      expirationDays: props.claimCheckExpirationDays ?? Math.max(1, Math.ceil(archiveRetention.toDays({ integral: false }))),
    });
    this.api = new WebhookApi(this, 'Api', props.api);
    if (props.alarms ?? true) this.alarms = new Alarms(this, 'Alarms', { email: props.alarmEmail });

    const sources: Record<string, WebhookSource> = {};
    for (const def of props.sources) {
      const { name, ...rest } = def;
      const source = new WebhookSource(this, `Source-${name}`, {
        ...rest,
        name,
        api: this.api,
        eventBus: this.bus.eventBus,
        claimCheckBucket: this.claimCheck.bucket,
      });
      sources[name] = source;
      this.alarms?.monitorSource(source);
    }
    this.sources = sources;

    const idempotencyTtl = archiveRetention.plus(Duration.days(1));
    const consumers: Record<string, QueuedConsumer> = {};
    const addConsumer = (def: ConsumerDefinition): QueuedConsumer => {
      const { name, idempotencyTable, ...rest } = def;
      const consumer = new QueuedConsumer(this, `Consumer-${name}`, {
        idempotencyTtl,
        ...rest,
        name,
        eventBus: this.bus.eventBus,
        idempotencyTable: idempotencyTable ?? this.idempotencyTable.table,
        claimCheckBucket: this.claimCheck.bucket,
      });
      consumers[name] = consumer;
      this.alarms?.monitorConsumer(consumer);
      return consumer;
    };
    for (const def of props.consumers) addConsumer(def);
    if (auditLog) {
      const auditTable = new IdempotencyTable(this, 'AuditTable', { partitionKey: 'pk' });
      this.auditTable = auditTable;
      const audit = addConsumer({
        name: 'audit-log',
        entry: handlerEntry('auditLog'),
        environment: { HOOKBRIDGE_AUDIT_TABLE: auditTable.table.tableName },
      });
      // Conditional put only: a duplicate never adds a row, and rows are never changed.
      auditTable.table.grant(audit.handler.role, 'dynamodb:PutItem');
    }
    this.consumers = consumers;

    this.addOutputs();
  }

  private addOutputs(): void {
    const out = (key: string, value: string, description: string): void => {
      new CfnOutput(this, key, { value, description });
    };
    out('ApiUrl', this.api.url, 'Base URL of the webhook API');
    for (const [name, source] of Object.entries(this.sources)) {
      out(`WebhookUrl${pascal(name)}`, source.url, `Webhook URL of source ${name}`);
      out(`SecretArn${pascal(name)}`, source.secretId, `Signing secret of source ${name}`);
    }
    out('EventBusName', this.bus.eventBus.eventBusName, 'Integration event bus name');
    out('EventBusArn', this.bus.eventBus.eventBusArn, 'Integration event bus ARN');
    if (this.bus.archive) out('ArchiveName', this.bus.archive.archiveName, 'Archive of the integration bus');
    for (const [name, consumer] of Object.entries(this.consumers)) {
      out(`Queue${pascal(name)}Url`, consumer.queue.queueUrl, `Queue of consumer ${name}`);
      out(`Dlq${pascal(name)}Url`, consumer.deadLetterQueue.queueUrl, `Dead-letter queue of consumer ${name}`);
      out(`DeliveryDlq${pascal(name)}Url`, consumer.deliveryDeadLetterQueue.queueUrl, `Rule-target dead-letter queue of consumer ${name}`);
    }
    out('IdempotencyTableName', this.idempotencyTable.table.tableName, 'Shared idempotency table');
    if (this.auditTable) out('AuditTableName', this.auditTable.table.tableName, 'Audit table of the audit-log consumer');
    out('ClaimCheckBucketName', this.claimCheck.bucket.bucketName, 'Claim-check bucket');
    if (this.alarms) out('AlarmTopicArn', this.alarms.topic.topicArn, 'SNS topic of the hookbridge alarms');
  }
}

/** `order-events` → `OrderEvents`. */
export function pascal(name: string): string {
  return name
    .split('-')
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

function validate(scope: Construct, props: IntegrationStackProps, auditLog: boolean, archiveRetention: Duration): void {
  const v = new Violations();
  const duplicates = (names: string[]): string[] => names.filter((n, i) => names.indexOf(n) !== i);
  const sourceNames = props.sources.map((s) => s.name);
  const consumerNames = [...props.consumers.map((c) => c.name), ...(auditLog ? ['audit-log'] : [])];
  v.check(duplicates(sourceNames).length === 0, `sources must have unique names (given ${duplicates(sourceNames).join(', ')} more than once)`);
  v.check(
    duplicates(consumerNames).length === 0,
    `consumers must have unique names, and "audit-log" is taken while auditLog is on (given ${duplicates(consumerNames).join(', ')} more than once)`,
  );
  const retentionSeconds = archiveRetention.toSeconds();
  for (const c of props.consumers) {
    const ttl = c.idempotencyTtl?.toSeconds();
    v.check(
      ttl === undefined || retentionSeconds === 0 || ttl >= retentionSeconds,
      `consumers[${c.name}].idempotencyTtl must be at least the archive retention of ${retentionSeconds} seconds, or a replay redoes side effects (given ${ttl})`,
    );
  }
  v.throwIfAny(scope);
}
