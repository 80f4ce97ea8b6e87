/**
 * Child-process fixture: runs the local runtime over the assembly in argv[2] with STATE_DIR argv[3]
 * until it is killed; prints the runtime's lines (the ready line among them) on stdout.
 */
import { startLocalRuntime } from '../../../local/runtime/index.js';
import { testSettings } from './settings.js';

const [cdkOut, stateDir] = process.argv.slice(2);
if (cdkOut === undefined || stateDir === undefined) throw new Error('usage: runUntilKilled.ts <cdk.out> <state dir>');
await startLocalRuntime(testSettings(cdkOut, { stateDir }), { log: (line) => console.log(line) }, { logSink: () => undefined });
