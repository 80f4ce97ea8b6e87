/**
 * Child-process fixture for the SIGKILL durability test: opens the journal in argv[2] and appends
 * records { i } for i = 0, 1, 2, … with up to argv[3] appends outstanding, printing `i` on its own
 * line only after `append` for i resolved. With argv[4] > 0, every file write is delayed that many
 * milliseconds (a slow disk). It never stops on its own; the test kills it.
 */
import { Journal } from '../../../local/state/index.js';
import { slowOpenFile } from './slowOpenFile.js';

const dir = process.argv[2];
const concurrency = Number(process.argv[3] ?? '16');
if (!dir) throw new Error('usage: appendUntilKilled <dir> [concurrency] [writeDelayMs]');

const writeDelayMs = Number(process.argv[4] ?? '0');
const journal = await Journal.open({ dir, ...(writeDelayMs > 0 ? { openFile: slowOpenFile(writeDelayMs) } : {}) });
process.stdout.write('ready\n');
let next = 0;
async function worker(): Promise<void> {
  for (;;) {
    const i = next++;
    await journal.append(i % 2 === 0 ? 'sqs' : 'eventbridge', { i, pad: 'x'.repeat(i % 97) });
    process.stdout.write(`${i}\n`);
  }
}
await Promise.all(Array.from({ length: concurrency }, () => worker()));
