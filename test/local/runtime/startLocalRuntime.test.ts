import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CfnResource } from 'aws-cdk-lib';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READY_LINE_PREFIX, startLocalRuntime, type InspectionState, type LocalRuntime } from '../../../local/runtime/index.js';
import { synthFixtureApp, type FixtureAssembly } from '../../helpers/runtime/fixtureApp.js';
import { collectingIo, eventually, testSettings } from '../../helpers/runtime/settings.js';
import { synthStack } from '../../helpers/template/synthStack.js';

const here = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = join(here, '../../..');

describe('startLocalRuntime', () => {
  let fixture: FixtureAssembly;
  let runtime: LocalRuntime;
  let dynamodb: DynamoDBClient;
  const io = collectingIo();
  const functionLogs: string[] = [];
  const settings = () => testSettings(fixture.cdkOut);
  let files: ReturnType<typeof testSettings>;

  beforeAll(async () => {
    fixture = synthFixtureApp();
    files = settings();
    runtime = await startLocalRuntime(files, io, { logSink: (entry) => void functionLogs.push(`${entry.functionName}: ${entry.message}`) });
    dynamodb = new DynamoDBClient({ endpoint: runtime.edgeUrl, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  }, 120_000);

  afterAll(async () => {
    dynamodb?.destroy();
    await runtime?.close();
    fixture?.dispose();
  });

  it('prints one ready line with the actual ports and files, after the route URLs', () => {
    // THEN
    const readyLines = io.lines.filter((line) => line.startsWith(READY_LINE_PREFIX));
    expect(readyLines).toHaveLength(1);
    const ready = JSON.parse(readyLines[0]!.slice(READY_LINE_PREFIX.length + 1)) as Record<string, unknown>;
    expect(ready).toEqual({ port: runtime.port, edgePort: runtime.edgePort, outputsFile: files.outputsFile, localFile: files.endpointsFile });
    expect(runtime.port).toBeGreaterThan(0);
    expect(io.lines).toContainEqual(expect.stringMatching(new RegExp(`^POST ${runtime.webhookBaseUrl}/publish \\(.*Publisher.*\\)$`)));
    expect(io.lines.indexOf(readyLines[0]!)).toBe(io.lines.length - 1);
  });

  it('lists the not-emulated resource types once, on one line', () => {
    const inventory = io.lines.filter((line) => line.startsWith('not emulated'));
    expect(inventory).toHaveLength(1);
    expect(inventory[0]).toMatch(/AWS::Lambda::Permission/);
  });

  it('notes that the table TTL is not enforced', () => {
    expect(io.lines.some((line) => /TTL attribute "expiration" is not enforced/.test(line))).toBe(true);
  });

  it('writes the outputs file in cdk deploy --outputs-file form with local values, and the endpoints file', () => {
    // THEN
    const outputs = JSON.parse(readFileSync(files.outputsFile, 'utf8')) as Record<string, Record<string, string>>;
    expect(Object.keys(outputs)).toEqual([fixture.stackName]);
    expect(outputs[fixture.stackName]!.ApiUrl).toBe(runtime.webhookBaseUrl);
    expect(outputs[fixture.stackName]!.QueueUrl).toMatch(new RegExp(`^${runtime.edgeUrl}/000000000000/`));
    const endpoints = JSON.parse(readFileSync(files.endpointsFile, 'utf8')) as Record<string, string>;
    expect(endpoints).toMatchObject({ edgeUrl: runtime.edgeUrl, webhookBaseUrl: `${runtime.webhookBaseUrl}/`, stateUrl: `${runtime.webhookBaseUrl}/_local/state` });
  });

  it('carries a request through route → PutEvents → rule → queue → consumer → DynamoDB', async () => {
    // WHEN
    const answer = await fetch(`${runtime.webhookBaseUrl}/publish`, { method: 'POST', body: JSON.stringify({ orderId: 'order-1' }) });
    // THEN
    expect(answer.status).toBe(202);
    const tableName = runtime.outputs[fixture.stackName]!.TableName!;
    const items = await eventually(async () => {
      const scan = await dynamodb.send(new ScanCommand({ TableName: tableName }));
      return scan.Items?.some((item) => item.id?.S === 'order-1') ? scan.Items : undefined;
    }, 20_000, 'the consumer to write order-1');
    expect(items.find((item) => item.id?.S === 'order-1')).toMatchObject({ source: { S: 'fixture.orders' }, receiveCount: { S: '1' } });
  }, 30_000);

  it('serves GET /_local/state with consumers, queues and functions', async () => {
    // GIVEN a delivered event
    await fetch(`${runtime.webhookBaseUrl}/publish`, { method: 'POST', body: JSON.stringify({ orderId: 'order-2' }) });
    // WHEN
    const state = await eventually(async () => {
      const body = (await (await fetch(`${runtime.webhookBaseUrl}/_local/state`)).json()) as InspectionState;
      return (body.consumers['fixture-consumer']?.processed ?? 0) >= 1 ? body : undefined;
    }, 20_000, 'the consumer to process a record');
    // THEN
    expect(state.stackName).toBe(fixture.stackName);
    expect(state.consumers['fixture-consumer']).toMatchObject({ failed: 0, failedInvocations: 0 });
    expect(state.consumers['fixture-consumer']!.invocations).toBeGreaterThanOrEqual(1);
    const queues = Object.values(state.queues);
    expect(queues).toHaveLength(2);
    const consumerQueue = queues.find((q) => q.deadLetterQueue !== undefined)!;
    expect(consumerQueue.sent).toBeGreaterThanOrEqual(1);
    expect(consumerQueue).toMatchObject({ visible: expect.any(Number), inFlight: expect.any(Number), delayed: 0 });
    expect(state.events.invocations).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('fails a call the function role does not allow with AccessDeniedException', async () => {
    // WHEN
    const answer = await fetch(`${runtime.webhookBaseUrl}/forbidden`);
    // THEN
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { error: string; message: string };
    expect(body.error).toBe('AccessDeniedException');
    expect(body.message).toMatch(/dynamodb:Scan/);
  }, 30_000);

  it('makes PutEvents fail while an events fault is active, and recovers when it is cleared', async () => {
    // GIVEN
    const fault = await fetch(`${runtime.webhookBaseUrl}/_local/faults`, { method: 'POST', body: JSON.stringify({ service: 'events', action: 'fail', seconds: 30 }) });
    expect(fault.status).toBe(200);
    // WHEN
    const failing = await fetch(`${runtime.webhookBaseUrl}/publish`, { method: 'POST', body: JSON.stringify({ orderId: 'order-fault' }) });
    await fetch(`${runtime.webhookBaseUrl}/_local/faults`, { method: 'POST', body: JSON.stringify({ service: 'events', action: 'clear' }) });
    const recovered = await fetch(`${runtime.webhookBaseUrl}/publish`, { method: 'POST', body: JSON.stringify({ orderId: 'order-after' }) });
    // THEN: the SDK retries InternalException, then the function answers; it never publishes half
    expect(failing.status).not.toBe(202);
    expect(recovered.status).toBe(202);
  }, 60_000);

  it('fails if a fault request names an unknown service', async () => {
    const answer = await fetch(`${runtime.webhookBaseUrl}/_local/faults`, { method: 'POST', body: JSON.stringify({ service: 'kinesis', action: 'fail', seconds: 1 }) });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { message: string }).message).toMatch(/service must be one of sqs, events/);
  });

  it('fails if the webhook port is in use, naming the port and PORT', async () => {
    // GIVEN
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as { port: number }).port;
    try {
      // WHEN / THEN
      await expect(startLocalRuntime(testSettings(fixture.cdkOut, { port }), collectingIo())).rejects.toThrow(
        new RegExp(`port ${port} on 127\\.0\\.0\\.1 \\(the webhook port\\) is already in use: .*set PORT to a free port`),
      );
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('fails if the template holds a type with behaviour it does not emulate, naming the resource', async () => {
    // GIVEN
    const unsupported = synthStack((stack) => void new CfnResource(stack, 'Stream', { type: 'AWS::Kinesis::Stream', properties: { ShardCount: 1 } }));
    try {
      // WHEN / THEN
      await expect(startLocalRuntime(testSettings(unsupported.outdir), collectingIo())).rejects.toThrow(/^Stream\w* \(AWS::Kinesis::Stream\): /);
    } finally {
      unsupported.dispose();
    }
  });

  it('closes every server and worker: a process that started and closed it exits by itself', async () => {
    // WHEN
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test/helpers/runtime/startAndClose.ts'), fixture.cdkOut], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 60_000);
      child.once('exit', (status) => {
        clearTimeout(timer);
        resolve(status);
      });
    });
    // THEN
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/PUBLISH 202/);
    expect(stdout).toMatch(/PROCESSED [1-9]/);
    expect(stdout).toMatch(/CLOSED/);
    console.log(stdout.split('\n').find((l) => l.startsWith('STARTUP_MS')));
  }, 90_000);
});
