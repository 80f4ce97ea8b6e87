import { asRecord, Props } from './props.js';
import type { ResourceIndex } from './ResourceIndex.js';
import type { BucketNode, KeyElement, SecretNode, TableNode } from './types.js';

function keySchema(value: unknown): KeyElement[] {
  return (Array.isArray(value) ? value : []).map((raw) => {
    const element = asRecord(raw) ?? {};
    return { attributeName: String(element.AttributeName), keyType: element.KeyType === 'RANGE' ? 'RANGE' : 'HASH' };
  });
}

function indexes(value: unknown): TableNode['globalSecondaryIndexes'] {
  return (Array.isArray(value) ? value : []).map((raw) => {
    const index = asRecord(raw) ?? {};
    return { indexName: String(index.IndexName), keySchema: keySchema(index.KeySchema), projection: asRecord(index.Projection) ?? {} };
  });
}

/** Every `AWS::DynamoDB::Table` and `AWS::DynamoDB::GlobalTable` (CDK's `TableV2`). */
export function buildTables(index: ResourceIndex): TableNode[] {
  return index.ofType('AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable').map((resource) => {
    const props = new Props(resource);
    const ttl = props.record('TimeToLiveSpecification');
    const ttlAttribute = ttl !== undefined && ttl.Enabled !== false && ttl.Enabled !== 'false' ? ttl.AttributeName : undefined;
    const streamViewType = props.record('StreamSpecification')?.StreamViewType;
    return {
      logicalId: resource.logicalId,
      name: resource.identity.name!,
      arn: resource.identity.arn!,
      keySchema: keySchema(props.raw.KeySchema),
      attributeDefinitions: props.list('AttributeDefinitions').map((raw) => {
        const definition = asRecord(raw) ?? {};
        return { attributeName: String(definition.AttributeName), attributeType: String(definition.AttributeType) };
      }),
      billingMode: props.optionalString('BillingMode') ?? 'PROVISIONED',
      ...(typeof ttlAttribute === 'string' ? { ttlAttribute } : {}),
      ...(typeof streamViewType === 'string' ? { streamViewType } : {}),
      globalSecondaryIndexes: indexes(props.raw.GlobalSecondaryIndexes),
      localSecondaryIndexes: indexes(props.raw.LocalSecondaryIndexes),
    };
  });
}

/** Every `AWS::SecretsManager::Secret`: a given `SecretString`, or a `GenerateSecretString` spec. */
export function buildSecrets(index: ResourceIndex): SecretNode[] {
  return index.ofType('AWS::SecretsManager::Secret').map((resource) => {
    const props = new Props(resource);
    const description = props.optionalString('Description');
    const secretString = props.optionalString('SecretString');
    const generate = props.record('GenerateSecretString');
    return {
      logicalId: resource.logicalId,
      name: resource.identity.name!,
      arn: resource.identity.arn!,
      ...(description === undefined ? {} : { description }),
      ...(secretString === undefined ? {} : { secretString }),
      ...(generate === undefined || secretString !== undefined ? {} : { generateSecretString: generate }),
    };
  });
}

/** Every `AWS::S3::Bucket`. */
export function buildBuckets(index: ResourceIndex): BucketNode[] {
  return index.ofType('AWS::S3::Bucket').map((resource) => {
    const props = new Props(resource);
    const rules = props.record('LifecycleConfiguration')?.Rules;
    return {
      logicalId: resource.logicalId,
      name: resource.identity.name!,
      arn: resource.identity.arn!,
      versioned: props.record('VersioningConfiguration')?.Status === 'Enabled',
      lifecycleRules: (Array.isArray(rules) ? rules : []).map((rule) => asRecord(rule) ?? {}),
    };
  });
}
