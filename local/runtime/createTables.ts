import { CreateTableCommand, DynamoDBClient, ResourceInUseException, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { TableNode } from '../template/index.js';
import { LOCAL_SECRET_ACCESS_KEY } from './constants.js';
import { ResourceSetupError } from './errors.js';

const projection = (raw: Readonly<Record<string, unknown>>): { ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; NonKeyAttributes?: string[] } => {
  const type = raw.ProjectionType;
  const nonKey = raw.NonKeyAttributes;
  return {
    ProjectionType: type === 'KEYS_ONLY' || type === 'INCLUDE' ? type : 'ALL',
    ...(Array.isArray(nonKey) ? { NonKeyAttributes: nonKey.map(String) } : {}),
  };
};

/** The CreateTable request for a table of the template (on-demand billing locally). */
export function createTableInput(table: TableNode): CreateTableCommandInput {
  const keySchema = (elements: TableNode['keySchema']) => elements.map((k) => ({ AttributeName: k.attributeName, KeyType: k.keyType }));
  return {
    TableName: table.name,
    KeySchema: keySchema(table.keySchema),
    AttributeDefinitions: table.attributeDefinitions.map((a) => ({
      AttributeName: a.attributeName,
      AttributeType: a.attributeType as 'S' | 'N' | 'B',
    })),
    BillingMode: 'PAY_PER_REQUEST',
    ...(table.globalSecondaryIndexes.length > 0
      ? { GlobalSecondaryIndexes: table.globalSecondaryIndexes.map((i) => ({ IndexName: i.indexName, KeySchema: keySchema(i.keySchema), Projection: projection(i.projection) })) }
      : {}),
    ...(table.localSecondaryIndexes.length > 0
      ? { LocalSecondaryIndexes: table.localSecondaryIndexes.map((i) => ({ IndexName: i.indexName, KeySchema: keySchema(i.keySchema), Projection: projection(i.projection) })) }
      : {}),
  };
}

/**
 * Creates every table of the template in dynalite (a table that already exists — from STATE_DIR —
 * is kept). Returns one note per table whose TTL attribute dynalite cannot honour: items are not
 * expired locally.
 *
 * @throws ResourceSetupError naming the table when dynalite refuses it
 */
export async function createTables(dynaliteUrl: string, region: string, tables: readonly TableNode[]): Promise<string[]> {
  const notes: string[] = [];
  if (tables.length === 0) return notes;
  const client = new DynamoDBClient({
    endpoint: dynaliteUrl,
    region,
    credentials: { accessKeyId: 'LOCALRUNTIME', secretAccessKey: LOCAL_SECRET_ACCESS_KEY },
  });
  try {
    for (const table of tables) {
      try {
        await client.send(new CreateTableCommand(createTableInput(table)));
      } catch (error) {
        if (error instanceof ResourceInUseException) continue;
        throw new ResourceSetupError(`${table.logicalId} (AWS::DynamoDB::Table ${table.name}): dynalite refused the table (${(error as Error).message}); fix its key schema in the stack`, { cause: error });
      }
      if (table.ttlAttribute !== undefined) notes.push(`${table.name}: TTL attribute "${table.ttlAttribute}" is not enforced locally (dynalite has no TTL)`);
    }
  } finally {
    client.destroy();
  }
  return notes;
}
