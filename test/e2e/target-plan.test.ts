import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planTarget } from '../helpers/e2e/target.js';

/*
 * The target choice of the e2e suite: local always runs; LocalStack and AWS run only when their
 * outputs and endpoint or credentials are there, and otherwise carry the reason that is printed.
 */
describe('e2e target plan', () => {
  let dir: string;
  let outputs: string;
  let health: Server;
  let healthUrl: string;
  let healthy = true;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookbridge-e2e-plan-'));
    outputs = join(dir, 'outputs.json');
    writeFileSync(outputs, '{"HookbridgeE2E":{}}');
    health = createServer((_request, response) => {
      response.writeHead(healthy ? 200 : 503).end('{}');
    });
    await new Promise<void>((resolve) => health.listen(0, '127.0.0.1', resolve));
    healthUrl = `http://127.0.0.1:${(health.address() as AddressInfo).port}/_localstack/health`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => health.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs locally by default, with faults, restarts, the clock override and the downstream server', async () => {
    expect(await planTarget({})).toEqual({ kind: 'local', capabilities: ['downstream', 'faults', 'restart', 'clock'] });
  });

  it('skips LocalStack without an outputs file, naming the command to run', async () => {
    const plan = await planTarget({ E2E_TARGET: 'localstack' });
    expect(plan.skipReason).toMatch(/npm run deploy:localstack/);
  });

  it('skips LocalStack when its health check does not answer 2xx', async () => {
    healthy = false;
    const plan = await planTarget({ E2E_TARGET: 'localstack', E2E_OUTPUTS_FILE: outputs, E2E_LOCALSTACK_HEALTH_URL: healthUrl });
    healthy = true;
    expect(plan.skipReason).toMatch(/LocalStack is unreachable/);
  });

  it('runs on LocalStack when it is healthy, without local-only capabilities', async () => {
    const plan = await planTarget({ E2E_TARGET: 'localstack', E2E_OUTPUTS_FILE: outputs, E2E_LOCALSTACK_HEALTH_URL: healthUrl });
    expect(plan).toEqual({ kind: 'localstack', capabilities: [] });
  });

  it('skips AWS without credentials', async () => {
    const plan = await planTarget({ E2E_TARGET: 'aws', E2E_OUTPUTS_FILE: outputs });
    expect(plan.skipReason).toMatch(/no AWS credentials/);
  });

  it('runs on AWS with outputs and credentials; the downstream server only with E2E_DOWNSTREAM_PORT', async () => {
    expect(await planTarget({ E2E_TARGET: 'aws', E2E_OUTPUTS_FILE: outputs, AWS_PROFILE: 'e2e' })).toEqual({ kind: 'aws', capabilities: [] });
    expect(await planTarget({ E2E_TARGET: 'aws', E2E_OUTPUTS_FILE: outputs, AWS_PROFILE: 'e2e', E2E_DOWNSTREAM_PORT: '8080' })).toEqual({ kind: 'aws', capabilities: ['downstream'] });
  });

  it('fails to plan an unknown target', async () => {
    expect((await planTarget({ E2E_TARGET: 'gcp' })).skipReason).toMatch(/E2E_TARGET must be local, localstack or aws \(given "gcp"\)/);
  });
});
