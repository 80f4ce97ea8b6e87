/**
 * Child-process fixture: starts the local runtime over the assembly in argv[2], prints the ready
 * line and the start-up time, closes it, and then must exit by itself (no open handles).
 */
import { startLocalRuntime } from '../../../local/runtime/index.js';
import { testSettings } from './settings.js';

const cdkOut = process.argv[2];
if (cdkOut === undefined) throw new Error('usage: startAndClose.ts <cdk.out>');
const runtime = await startLocalRuntime(testSettings(cdkOut), { log: (line) => console.log(line) }, { logSink: () => undefined });
const published = await fetch(`${runtime.webhookBaseUrl}/publish`, { method: 'POST', body: JSON.stringify({ orderId: 'child-1' }) });
console.log(`PUBLISH ${published.status}`);
const deadline = Date.now() + 15_000;
let processed = 0;
while (processed < 1 && Date.now() < deadline) {
  const state = (await (await fetch(`${runtime.webhookBaseUrl}/_local/state`)).json()) as { consumers: Record<string, { processed: number }> };
  processed = state.consumers['fixture-consumer']?.processed ?? 0;
  if (processed < 1) await new Promise((r) => setTimeout(r, 100));
}
console.log(`PROCESSED ${processed}`);
console.log(`STARTUP_MS ${runtime.startupMs}`);
await runtime.close();
console.log('CLOSED');
