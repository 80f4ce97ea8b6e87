import { EdgeServer, type EdgeServerOptions, startDynalite } from '../../../local/edge/index.js';
import { S3Service } from '../../../local/services/s3/index.js';
import { SecretsService } from '../../../local/services/secrets/index.js';

/** An edge on 127.0.0.1:0 with Secrets Manager, S3 and dynalite behind it. */
export interface LocalEdge {
  readonly url: string;
  readonly edge: EdgeServer;
  readonly secrets: SecretsService;
  readonly s3: S3Service;
  readonly close: () => Promise<void>;
}

/** Starts the edge as the runtime wires it (services registered, dynalite proxied). */
export const startLocalEdge = async (options: Omit<EdgeServerOptions, 'port' | 'resolveSecretArn'> = {}): Promise<LocalEdge> => {
  const secrets = new SecretsService();
  const s3 = new S3Service();
  const dynamo = await startDynalite();
  const edge = new EdgeServer({ ...options, port: 0, resolveSecretArn: (id) => secrets.resolveArn(id) });
  edge
    .register('secretsmanager', (req, body) => secrets.handle(req, body))
    .register('s3', (req, body) => s3.handle(req, body))
    .register('dynamodb', dynamo.handle);
  const { url } = await edge.listen();
  return {
    url,
    edge,
    secrets,
    s3,
    close: async () => {
      await edge.close();
      await dynamo.close();
    },
  };
};
