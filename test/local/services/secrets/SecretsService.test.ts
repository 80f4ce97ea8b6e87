import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SecretsMutation, SecretsService } from '../../../../local/services/secrets/index.js';
import { clientConfig } from '../../../helpers/edge/credentials.js';
import { type ServedHandler, serveHandler } from '../../../helpers/edge/serveHandler.js';

describe('SecretsService over the AWS JSON 1.1 wire', () => {
  let service: SecretsService;
  let served: ServedHandler;
  let client: SecretsManagerClient;
  const mutations: SecretsMutation[] = [];

  beforeEach(async () => {
    mutations.length = 0;
    service = new SecretsService({ onMutation: (m) => mutations.push(m) });
    served = await serveHandler((req, body) => service.handle(req, body));
    client = new SecretsManagerClient(clientConfig(served.url));
  });

  afterEach(async () => {
    client.destroy();
    await served.close();
  });

  it('creates a secret and reads it by name, full ARN and partial ARN', async () => {
    // GIVEN
    const created = await client.send(new CreateSecretCommand({ Name: 'hookbridge/github', SecretString: 's3cr3t' }));
    // THEN the ARN has the 6-character suffix Secrets Manager adds
    expect(created.ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:000000000000:secret:hookbridge\/github-[A-Za-z0-9]{6}$/);
    const partial = (created.ARN as string).slice(0, -7);
    for (const SecretId of ['hookbridge/github', created.ARN as string, partial]) {
      const value = await client.send(new GetSecretValueCommand({ SecretId }));
      expect(value).toMatchObject({ SecretString: 's3cr3t', ARN: created.ARN, Name: 'hookbridge/github', VersionStages: ['AWSCURRENT'] });
      expect(value.CreatedDate).toBeInstanceOf(Date);
    }
  });

  it('moves AWSCURRENT to a new version and AWSPREVIOUS to the old one on PutSecretValue', async () => {
    // GIVEN a secret with one version
    const created = await client.send(new CreateSecretCommand({ Name: 'stripe', SecretString: 'v1' }));
    // WHEN a new value is put
    const put = await client.send(new PutSecretValueCommand({ SecretId: 'stripe', SecretString: 'v2' }));
    // THEN
    expect(put.VersionStages).toEqual(['AWSCURRENT']);
    expect((await client.send(new GetSecretValueCommand({ SecretId: 'stripe' }))).SecretString).toBe('v2');
    const previous = await client.send(new GetSecretValueCommand({ SecretId: 'stripe', VersionStage: 'AWSPREVIOUS' }));
    expect(previous).toMatchObject({ SecretString: 'v1', VersionId: created.VersionId, VersionStages: ['AWSPREVIOUS'] });
    const byId = await client.send(new GetSecretValueCommand({ SecretId: 'stripe', VersionId: put.VersionId }));
    expect(byId.SecretString).toBe('v2');
  });

  it('deprecates the version that loses AWSPREVIOUS, listing it only with IncludeDeprecated', async () => {
    // GIVEN three values in a row
    const v1 = await client.send(new CreateSecretCommand({ Name: 'slack', SecretString: 'v1' }));
    const v2 = await client.send(new PutSecretValueCommand({ SecretId: 'slack', SecretString: 'v2' }));
    const v3 = await client.send(new PutSecretValueCommand({ SecretId: 'slack', SecretString: 'v3' }));
    // WHEN
    const listed = await client.send(new ListSecretVersionIdsCommand({ SecretId: 'slack' }));
    const all = await client.send(new ListSecretVersionIdsCommand({ SecretId: 'slack', IncludeDeprecated: true }));
    const described = await client.send(new DescribeSecretCommand({ SecretId: 'slack' }));
    // THEN
    expect(listed.Versions?.map((v) => [v.VersionId, v.VersionStages])).toEqual([
      [v3.VersionId, ['AWSCURRENT']],
      [v2.VersionId, ['AWSPREVIOUS']],
    ]);
    expect(all.Versions?.find((v) => v.VersionId === v1.VersionId)?.VersionStages).toEqual([]);
    expect(described.VersionIdsToStages).toEqual({
      [v2.VersionId as string]: ['AWSPREVIOUS'],
      [v3.VersionId as string]: ['AWSCURRENT'],
    });
  });

  it('stages a pending version without moving AWSCURRENT, then promotes it', async () => {
    // GIVEN a rotation: a new version staged AWSPENDING
    const v1 = await client.send(new CreateSecretCommand({ Name: 'shopify', SecretString: 'old' }));
    const pending = await client.send(
      new PutSecretValueCommand({ SecretId: 'shopify', SecretString: 'new', VersionStages: ['AWSPENDING'] }),
    );
    expect((await client.send(new GetSecretValueCommand({ SecretId: 'shopify' }))).SecretString).toBe('old');
    // WHEN AWSCURRENT is moved to it
    await client.send(
      new UpdateSecretVersionStageCommand({
        SecretId: 'shopify',
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: pending.VersionId,
        RemoveFromVersionId: v1.VersionId,
      }),
    );
    // THEN
    expect((await client.send(new GetSecretValueCommand({ SecretId: 'shopify' }))).SecretString).toBe('new');
    const previous = await client.send(new GetSecretValueCommand({ SecretId: 'shopify', VersionStage: 'AWSPREVIOUS' }));
    expect(previous.SecretString).toBe('old');
  });

  it('treats a repeated ClientRequestToken with the same value as a no-op', async () => {
    await client.send(new CreateSecretCommand({ Name: 'twilio', SecretString: 'a' }));
    const token = '11111111-2222-3333-4444-555555555555';
    await client.send(new PutSecretValueCommand({ SecretId: 'twilio', SecretString: 'b', ClientRequestToken: token }));
    await client.send(new PutSecretValueCommand({ SecretId: 'twilio', SecretString: 'b', ClientRequestToken: token }));
    const all = await client.send(new ListSecretVersionIdsCommand({ SecretId: 'twilio', IncludeDeprecated: true }));
    expect(all.Versions).toHaveLength(2);
  });

  it('fails if the token names a version with another value', async () => {
    await client.send(new CreateSecretCommand({ Name: 'twilio', SecretString: 'a' }));
    const token = '11111111-2222-3333-4444-555555555555';
    await client.send(new PutSecretValueCommand({ SecretId: 'twilio', SecretString: 'b', ClientRequestToken: token }));
    await expect(
      client.send(new PutSecretValueCommand({ SecretId: 'twilio', SecretString: 'c', ClientRequestToken: token })),
    ).rejects.toMatchObject({ name: 'ResourceExistsException' });
  });

  it('fails if the secret does not exist, with ResourceNotFoundException', async () => {
    await expect(client.send(new GetSecretValueCommand({ SecretId: 'nope' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: "Secrets Manager can't find the specified secret.",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('fails if no version carries the requested stage', async () => {
    await client.send(new CreateSecretCommand({ Name: 'fresh', SecretString: 'v1' }));
    await expect(client.send(new GetSecretValueCommand({ SecretId: 'fresh', VersionStage: 'AWSPREVIOUS' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: "Secrets Manager can't find the specified secret value for staging label: AWSPREVIOUS",
    });
  });

  it('fails if a secret of that name exists, with ResourceExistsException', async () => {
    await client.send(new CreateSecretCommand({ Name: 'dup', SecretString: 'x' }));
    await expect(client.send(new CreateSecretCommand({ Name: 'dup', SecretString: 'y' }))).rejects.toMatchObject({
      name: 'ResourceExistsException',
      message: 'The operation failed because the secret dup already exists.',
    });
  });

  it('rebuilds the same state from its mutation records, and from a snapshot', async () => {
    // GIVEN some history
    await client.send(new CreateSecretCommand({ Name: 'a', SecretString: '1' }));
    await client.send(new PutSecretValueCommand({ SecretId: 'a', SecretString: '2' }));
    await client.send(new PutSecretValueCommand({ SecretId: 'a', SecretString: '3', VersionStages: ['AWSPENDING'] }));
    // WHEN replayed onto a fresh service, and restored from a JSON round-trip of a snapshot
    const replayed = new SecretsService();
    for (const m of JSON.parse(JSON.stringify(mutations)) as SecretsMutation[]) replayed.applyMutation(m);
    const restored = new SecretsService();
    restored.restore(JSON.parse(JSON.stringify(service.snapshot())));
    // THEN
    expect(mutations.map((m) => m.type)).toEqual(['createSecret', 'putSecretValue', 'putSecretValue']);
    expect(replayed.snapshot()).toEqual(service.snapshot());
    expect(restored.getSecretValue({ secretId: 'a', versionStage: 'AWSPENDING' }).secretString).toBe('3');
  });
});

describe('SecretsService.createSecret (programmatic)', () => {
  it('generates a value as GenerateSecretString describes it', () => {
    // GIVEN
    const service = new SecretsService();
    // WHEN
    service.createSecret({
      name: 'generated',
      generateSecretString: { PasswordLength: 40, ExcludePunctuation: true, SecretStringTemplate: '{"user":"u"}', GenerateStringKey: 'password' },
    });
    // THEN
    const value = JSON.parse(service.getSecretValue({ secretId: 'generated' }).secretString as string) as Record<string, string>;
    expect(value.user).toBe('u');
    expect(value.password).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(value.password).toMatch(/[a-z]/);
    expect(value.password).toMatch(/[A-Z]/);
    expect(value.password).toMatch(/[0-9]/);
  });

  it('keeps the ARN the template resolved', () => {
    const service = new SecretsService();
    const arn = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:github-AAAAAA';
    service.createSecret({ name: 'github', secretString: 'x', arn });
    expect(service.resolveArn('github')).toBe(arn);
  });

  it('fails if generation options leave no character to use', () => {
    const service = new SecretsService();
    expect(() =>
      service.createSecret({
        name: 'nothing',
        generateSecretString: { ExcludeLowercase: true, ExcludeUppercase: true, ExcludeNumbers: true, ExcludePunctuation: true },
      }),
    ).toThrow('every character class is excluded; nothing is left to generate from');
  });
});
