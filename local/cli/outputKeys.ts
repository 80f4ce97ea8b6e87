/*
 * The output keys `IntegrationStack` emits (lib/integration-stack.ts, `addOutputs`), in one place:
 * when the stack renames a key, this file is the only one to change. `<Source>` and `<Consumer>`
 * are the names in PascalCase (`order-events` → `OrderEvents`).
 */

/** `order-events` → `OrderEvents`, exactly as lib/integration-stack.ts `pascal` does. */
export function pascal(name: string): string {
  return name
    .split('-')
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/**
 * `OrderEvents` → `order-events`: the inverse of {@link pascal} for the names the constructs allow
 * (lower-case letters, digits and dashes, starting with a letter).
 */
export function kebab(pascalName: string): string {
  return pascalName.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '-').toLowerCase();
}

/** Output keys of an `IntegrationStack`. */
export const OutputKey = {
  apiUrl: 'ApiUrl',
  webhookUrl: (source: string): string => `WebhookUrl${pascal(source)}`,
  secretArn: (source: string): string => `SecretArn${pascal(source)}`,
  eventBusName: 'EventBusName',
  eventBusArn: 'EventBusArn',
  archiveName: 'ArchiveName',
  queueUrl: (consumer: string): string => `Queue${pascal(consumer)}Url`,
  dlqUrl: (consumer: string): string => `Dlq${pascal(consumer)}Url`,
  deliveryDlqUrl: (consumer: string): string => `DeliveryDlq${pascal(consumer)}Url`,
  idempotencyTableName: 'IdempotencyTableName',
  auditTableName: 'AuditTableName',
  claimCheckBucketName: 'ClaimCheckBucketName',
  alarmTopicArn: 'AlarmTopicArn',
} as const;

/** Matches a source's webhook URL key; group 1 is the PascalCase source name. */
export const WEBHOOK_URL_KEY = /^WebhookUrl([A-Z][A-Za-z0-9]*)$/;

/** Matches a consumer's queue URL key; group 1 is the PascalCase consumer name. */
export const QUEUE_URL_KEY = /^Queue([A-Z][A-Za-z0-9]*)Url$/;
