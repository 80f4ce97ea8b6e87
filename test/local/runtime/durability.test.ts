import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DescribeArchiveCommand, EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READY_LINE_PREFIX, startLocalRuntime, type LocalRuntime } from '../../../local/runtime/index.js';
import { synthFixtureApp, type FixtureAssembly } from '../../helpers/runtime/fixtureApp.js';
import { collectingIo, eventually, testSettings } from '../../helpers/runtime/settings.js';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const EVENTS = 40;

function startChild(cdkOut: string, stateDir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test/helpers/runtime/runUntilKilled.ts'), cdkOut, stateDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith(READY_LINE_PREFIX));
      if (line) resolve({ child, port: (JSON.parse(line.slice(READY_LINE_PREFIX.length + 1)) as { port: number }).port });
    });
    child.once('exit', (code) => reject(new Error(`runtime exited with ${code} before ready:\n${stdout}`)));
  });
}

describe('startLocalRuntime with a state directory', () => {
  let fixture: FixtureAssembly;
  let stateDir: string;
  let restarted: LocalRuntime | undefined;

  beforeAll(() => {
    fixture = synthFixtureApp('DurabilityFixture');
    stateDir = mkdtempSync(join(tmpdir(), 'hookbridge-state-'));
  }, 120_000);

  afterAll(async () => {
    await restarted?.close();
    fixture?.dispose();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('loses no event answered 2xx when the runtime is SIGKILLed, and delivers it after a restart', async () => {
    // GIVEN a runtime journaling to STATE_DIR in a child process
    const { child, port } = await startChild(fixture.cdkOut, stateDir);
    // WHEN a burst of events is published and the runtime is killed right after the last answer
    const answers = await Promise.all(
      Array.from({ length: EVENTS }, (_, i) =>
        fetch(`http://127.0.0.1:${port}/publish`, { method: 'POST', body: JSON.stringify({ orderId: `kill-${i}` }) }).then((r) => r.status),
      ),
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const acknowledged = answers.flatMap((status, i) => (status === 202 ? [`kill-${i}`] : []));
    expect(acknowledged.length).toBeGreaterThan(0);

    // THEN a runtime started on the same STATE_DIR delivers every acknowledged event to the table
    restarted = await startLocalRuntime(testSettings(fixture.cdkOut, { stateDir }), collectingIo(), { logSink: () => undefined });
    const dynamodb = new DynamoDBClient({ endpoint: restarted.edgeUrl, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    try {
      const tableName = restarted.outputs[fixture.stackName]!.TableName!;
      const stored = await eventually(async () => {
        const scan = await dynamodb.send(new ScanCommand({ TableName: tableName }));
        const ids = new Set((scan.Items ?? []).map((item) => item.id?.S));
        return acknowledged.every((id) => ids.has(id)) ? ids : undefined;
      }, 45_000, 'every acknowledged event in the table');
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);

      // AND the archive still holds every acknowledged event, so a replay after the crash has them
      const eventBridge = new EventBridgeClient({ endpoint: restarted.edgeUrl, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
      const archive = await eventBridge.send(new DescribeArchiveCommand({ ArchiveName: restarted.outputs[fixture.stackName]!.ArchiveName! }));
      eventBridge.destroy();
      expect(archive.EventCount).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      dynamodb.destroy();
    }
  }, 120_000);
});
