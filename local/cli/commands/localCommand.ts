import { SHUTDOWN_TIMEOUT_MS } from '../constants.js';
import { CliError } from '../errors.js';
import { parseLocalSettings } from '../settings.js';
import type { Command } from '../types.js';

/**
 * `hookbridge local`: runs the synthesized stack on this machine until SIGINT/SIGTERM. The
 * runtime prints its URLs and the ready line; this command only validates the settings, starts it
 * and closes it within {@link SHUTDOWN_TIMEOUT_MS}.
 */
export const localCommand: Command = {
  name: 'local',
  summary: 'Run the stack on this machine: webhooks, EventBridge, SQS, Lambda, DynamoDB, S3, Secrets Manager',
  usage: 'local [flags]',
  positionals: [],
  flags: {
    port: { type: 'string', value: 'PORT', env: 'PORT', description: 'Webhook port; 0 picks a free one (default 3000)' },
    host: { type: 'string', value: 'HOST', env: 'HOST', description: 'Interface to listen on (default 127.0.0.1)' },
    'edge-port': { type: 'string', value: 'PORT', env: 'EDGE_PORT', description: 'Port of the AWS edge; 0 picks a free one (default 4566)' },
    'secrets-file': { type: 'string', value: 'FILE', env: 'WEBHOOK_SECRETS_FILE', description: 'JSON of source → secret (or array of secrets)' },
    'body-limit': { type: 'string', value: 'BYTES', env: 'BODY_LIMIT', description: 'Max webhook body size in bytes' },
    'state-dir': { type: 'string', value: 'DIR', env: 'STATE_DIR', description: 'Keep state across restarts in DIR' },
    'cpu-prof-dir': { type: 'string', value: 'DIR', env: 'CPU_PROF_DIR', description: 'Write a CPU profile of each function environment to DIR on stop' },
    now: { type: 'string', value: 'SECONDS', env: 'NOW_OVERRIDE', description: "Unix time the functions' clocks start at" },
    app: { type: 'string', value: 'CMD', description: 'CDK app command to synthesize (default: "app" of cdk.json)' },
    'cdk-out': { type: 'string', value: 'DIR', description: 'Run this cloud assembly instead of synthesizing' },
    stack: { type: 'string', value: 'NAME', description: 'Stack to run when the app has several' },
    'outputs-file': { type: 'string', value: 'FILE', description: 'Where to write the stack outputs (default .hookbridge/outputs.json)' },
  },
  details: [
    'Webhooks: http://HOST:PORT/webhooks/<source>. AWS SDKs and the AWS CLI work against http://127.0.0.1:EDGE_PORT.',
    'A source without a secret in the secrets file gets a generated one, printed once.',
    'Stop with Ctrl-C (SIGINT) or SIGTERM.',
  ].join('\n'),

  async run(_args, flags, context) {
    const settings = parseLocalSettings(flags, context.env, context.cwd);
    const startLocalRuntime = await context.loadRuntime();
    const runtime = await startLocalRuntime(settings, { log: (line) => context.io.out(line) });
    const signal = await context.stopRequested();
    context.io.err(`hookbridge: ${signal} received, stopping`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new CliError(`the local runtime did not stop within ${SHUTDOWN_TIMEOUT_MS / 1000} s; exiting anyway`)),
        SHUTDOWN_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([runtime.close(), timeout]);
    } finally {
      clearTimeout(timer);
    }
    return 0;
  },
};
