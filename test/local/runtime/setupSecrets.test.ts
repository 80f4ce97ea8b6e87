import { describe, expect, it } from 'vitest';
import { SecretsService } from '../../../local/services/secrets/index.js';
import { setupSecrets } from '../../../local/runtime/setupSecrets.js';
import type { FunctionNode, ResourceGraph, SecretNode } from '../../../local/template/index.js';

const ARN = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:GithubSecret-AbCdEf';
const secretNode: SecretNode = { logicalId: 'GithubSecret', name: 'GithubSecret', arn: ARN, generateSecretString: { PasswordLength: 32 } };
const verifier = { logicalId: 'Verifier', environment: { HOOKBRIDGE_SOURCE: 'github', HOOKBRIDGE_SECRET_ID: ARN } } as unknown as FunctionNode;
const graph = { functions: [verifier], secrets: [secretNode] } as unknown as ResourceGraph;
const current = (secrets: SecretsService): string | undefined => secrets.getSecretValue({ secretId: ARN }).secretString;

describe('setupSecrets', () => {
  it('generates a whsec_ signing secret for a source the secrets file does not name, and reports it', () => {
    const secrets = new SecretsService();
    const [github] = setupSecrets(secrets, graph, {});
    expect(github).toMatchObject({ source: 'github', origin: 'generated', secretArn: ARN });
    expect(github!.value).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(current(secrets)).toBe(github!.value);
  });

  it('keeps the value a state directory already holds', () => {
    const secrets = new SecretsService();
    const [first] = setupSecrets(secrets, graph, {});
    const [second] = setupSecrets(secrets, graph, {});
    expect(second).toMatchObject({ origin: 'state', value: first!.value });
  });

  it('takes the secrets file value (a rotation array as JSON) and replaces a kept one', () => {
    const secrets = new SecretsService();
    setupSecrets(secrets, graph, {});
    const [github] = setupSecrets(secrets, graph, { github: ['new', 'old'] });
    expect(github).toEqual({ source: 'github', secretArn: ARN, origin: 'file' });
    expect(current(secrets)).toBe('["new","old"]');
  });

  it('creates a secret no source uses from its template GenerateSecretString', () => {
    const secrets = new SecretsService();
    const other = { functions: [], secrets: [secretNode] } as unknown as ResourceGraph;
    expect(setupSecrets(secrets, other, {})).toEqual([]);
    expect(current(secrets)).toHaveLength(32);
  });
});
