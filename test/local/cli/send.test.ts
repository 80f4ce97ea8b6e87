import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureProject, type FixtureProject } from '../../helpers/cli/fixtureProject.js';
import { startFakeLocalEdge, type FakeLocalEdge } from '../../helpers/cli/fakeLocalEdge.js';
import { runMain } from '../../helpers/cli/runCli.js';
import { startVendorWebhookServer, type VendorWebhookServer } from '../../helpers/cli/vendorWebhookServer.js';

/*
 * `hookbridge send` signs with our scheme adapters; a receiver checks each delivery with the
 * vendor's own library, so the signing is judged by the vendor, not by our verifier.
 */

const SECRETS: Record<string, { scheme: string; secret: string }> = {
  stripe: { scheme: 'stripe', secret: 'whsec_stripe_endpoint_secret' },
  github: { scheme: 'github', secret: 'github-hook-secret' },
  standard: { scheme: 'standard', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
  shopify: { scheme: 'shopify', secret: 'shopify-client-secret' },
  twilio: { scheme: 'twilio', secret: 'twilio-auth-token' },
  slack: { scheme: 'slack', secret: '8f742231b10e8888abcd99yyyzzz85a5' },
  'order-events': { scheme: 'generic', secret: 'in-house-secret' },
};

describe('hookbridge send', () => {
  let server: VendorWebhookServer;
  let project: FixtureProject;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startVendorWebhookServer(SECRETS);
  });
  afterAll(() => server.stop());

  beforeEach(() => {
    project = fixtureProject();
    const outputs: Record<string, string> = { ApiUrl: `${server.baseUrl}/` };
    for (const name of Object.keys(SECRETS)) {
      const pascal = name.split('-').map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');
      outputs[`WebhookUrl${pascal}`] = `${server.baseUrl}/webhooks/${name}`;
    }
    project.writeOutputs({ Hookbridge: outputs });
    project.writeAssembly('Hookbridge', Object.entries(SECRETS).map(([name, { scheme }]) => ({ name, scheme })));
    const secretsFile = project.writeFile('secrets.json', JSON.stringify(Object.fromEntries(Object.entries(SECRETS).map(([name, { secret }]) => [name, secret]))));
    env = { WEBHOOK_SECRETS_FILE: secretsFile };
    server.received.length = 0;
  });
  afterEach(() => project.dispose());

  it.each([
    ['stripe', 'payment_intent.succeeded'],
    ['github', 'push'],
    ['standard', 'invoice.paid'],
    ['shopify', 'orders/create'],
    ['twilio', 'delivered'],
    ['slack', 'app_mention'],
    ['order-events', 'order.created'],
  ])("signs a %s delivery that the vendor's verifier accepts", async (source, type) => {
    const run = await runMain(['send', source], { cwd: project.dir, env });

    expect(server.received.map((r) => [r.source, r.verified, r.reason])).toEqual([[source, true, undefined]]);
    expect(run.code).toBe(0);
    expect(run.out).toEqual([
      `POST ${server.baseUrl}/webhooks/${source}  (${SECRETS[source]!.scheme} ${type}, secret from ${project.dir}/secrets.json)`,
      '202 Accepted',
      '{"verified":true}',
    ]);
  });

  it('sends a realistic Shopify order with line items and the topic header', async () => {
    await runMain(['send', 'shopify'], { cwd: project.dir, env });

    const [delivery] = server.received;
    expect(delivery!.headers['x-shopify-topic']).toBe('orders/create');
    expect(JSON.parse(delivery!.body)).toMatchObject({ line_items: expect.arrayContaining([expect.objectContaining({ quantity: 1, price: '199.00' })]) });
  });

  it('sends the type given with --type inside a Stripe event', async () => {
    await runMain(['send', 'stripe', '--type', 'payment_intent.payment_failed'], { cwd: project.dir, env });

    expect(server.received[0]!.verified).toBe(true);
    expect(JSON.parse(server.received[0]!.body)).toMatchObject({ object: 'event', type: 'payment_intent.payment_failed', data: { object: { object: 'payment_intent' } } });
  });

  it('sends the payload of --file, signed', async () => {
    const file = project.writeFile('push.json', JSON.stringify({ ref: 'refs/heads/release', commits: [] }));
    const run = await runMain(['send', 'github', '--file', file, '--type', 'push'], { cwd: project.dir, env });

    expect(run.code).toBe(0);
    expect(server.received[0]).toMatchObject({ verified: true, body: JSON.stringify({ ref: 'refs/heads/release', commits: [] }) });
    expect(server.received[0]!.headers['x-github-event']).toBe('push');
  });

  it('prints the status and body and exits 1 when the receiver rejects the signature', async () => {
    const run = await runMain(['send', 'github', '--secret', 'not-the-secret'], { cwd: project.dir, env });

    expect(run.code).toBe(1);
    expect(run.out[0]).toMatch(/secret from --secret\)$/);
    expect(run.out.slice(1)).toEqual(['401 Unauthorized', '{"error":"signature_mismatch","message":"github signature does not verify"}']);
  });

  it('posts to --url and takes the scheme from --scheme without any outputs file', async () => {
    project.dispose();
    project = fixtureProject();
    const run = await runMain(['send', 'github', '--url', `${server.baseUrl}/webhooks/github`, '--scheme', 'github', '--secret', SECRETS.github!.secret], {
      cwd: project.dir,
      env: {},
    });

    expect(run.code).toBe(0);
    expect(server.received[0]!.verified).toBe(true);
  });

  it('fails if the source is not in the outputs, listing the sources (exit 1, one line)', async () => {
    const run = await runMain(['send', 'gitlab'], { cwd: project.dir, env });

    expect(run.code).toBe(1);
    expect(run.err).toEqual([
      `hookbridge: stack Hookbridge has no source "gitlab" (no output WebhookUrlGitlab in ${project.outputsFile}); its sources: stripe, github, standard, shopify, twilio, slack, order-events`,
    ]);
  });

  it('fails if no assembly tells the scheme and --scheme is not given', async () => {
    const run = await runMain(['send', 'github', '--cdk-out', 'missing'], { cwd: project.dir, env });

    expect(run.code).toBe(1);
    expect(run.err).toEqual([
      `hookbridge: no cloud assembly at ${project.dir}/missing to read the source's scheme from; run \`cdk synth\`, pass --cdk-out, or pass --scheme`,
    ]);
  });

  it('fails if --scheme names no scheme', async () => {
    const run = await runMain(['send', 'github', '--scheme', 'gitlab'], { cwd: project.dir, env });

    expect(run.code).toBe(2);
    expect(run.err).toEqual(['hookbridge: --scheme must be one of github, stripe, slack, shopify, standard, twilio, generic (given "gitlab")']);
  });

  describe('against the local runtime', () => {
    let edge: FakeLocalEdge;
    beforeEach(async () => {
      edge = await startFakeLocalEdge();
    });
    afterEach(() => edge.stop());

    it('reads the secret from the local Secrets Manager, signing with the newest of a rotation', async () => {
      const { arn } = edge.secrets.createSecret({ name: 'stripe-secret', secretString: JSON.stringify([SECRETS.stripe!.secret, 'whsec_old']) });
      project.writeOutputs({ Hookbridge: { WebhookUrlStripe: `${server.baseUrl}/webhooks/stripe`, SecretArnStripe: arn } });
      project.writeLocalEndpoints({ edgeUrl: edge.url, webhookBaseUrl: `${server.baseUrl}/`, inspectionUrl: `${server.baseUrl}/_local/state` });

      const run = await runMain(['send', 'stripe'], { cwd: project.dir, env: {} });

      expect(edge.targets).toContain('secretsmanager.GetSecretValue');
      expect(server.received[0]!.verified).toBe(true);
      expect(run.out[0]).toMatch(/secret from local Secrets Manager\)$/);
      expect(run.code).toBe(0);
    });

    it('fails if the local edge does not answer, asking whether the runtime runs', async () => {
      project.writeOutputs({ Hookbridge: { WebhookUrlStripe: `${server.baseUrl}/webhooks/stripe`, SecretArnStripe: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:x-AbCdEf' } });
      const deadEdge = edge.url;
      await edge.stop();
      project.writeLocalEndpoints({ edgeUrl: deadEdge, webhookBaseUrl: `${server.baseUrl}/`, inspectionUrl: `${server.baseUrl}/_local/state` });
      edge = await startFakeLocalEdge();

      const run = await runMain(['send', 'stripe'], { cwd: project.dir, env: {} });

      expect(run.code).toBe(1);
      expect(run.err).toEqual([
        `hookbridge: cannot read secret arn:aws:secretsmanager:us-east-1:000000000000:secret:x-AbCdEf: the local edge at ${deadEdge} did not answer (connection refused); is \`hookbridge local\` running?`,
      ]);
    });
  });
});
