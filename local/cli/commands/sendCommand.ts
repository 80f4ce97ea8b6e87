import type { Command } from '../types.js';

/** `hookbridge send <source>`: sign a test webhook with the source's scheme and post it. */
export const sendCommand: Command = {
  name: 'send',
  summary: "Sign a test webhook with a source's scheme and secret and post it (like `stripe trigger`)",
  usage: 'send <source> [flags]',
  positionals: ['source'],
  flags: {
    type: { type: 'string', value: 'TYPE', description: 'Event type, e.g. orders/create, push, payment_intent.succeeded (default per scheme)' },
    file: { type: 'string', value: 'FILE', description: 'Send this payload instead of the built-in sample' },
    'content-type': { type: 'string', value: 'TYPE', description: 'Content type of --file (default: JSON if it parses, else form for twilio, else octet-stream)' },
    secret: { type: 'string', value: 'SECRET', description: 'Sign with this secret (default: secrets file, then Secrets Manager)' },
    'secrets-file': { type: 'string', value: 'FILE', env: 'WEBHOOK_SECRETS_FILE', description: 'JSON of source → secret' },
    url: { type: 'string', value: 'URL', description: "Post here instead of the source's webhook URL from the outputs" },
    scheme: { type: 'string', value: 'NAME', description: 'Signature scheme (default: read from the cloud assembly)' },
    'cdk-out': { type: 'string', value: 'DIR', description: 'Cloud assembly to read the scheme from (default: the local runtime\'s, else ./cdk.out)' },
    'outputs-file': { type: 'string', value: 'FILE', description: 'Stack outputs (default .hookbridge/outputs.json)' },
    stack: { type: 'string', value: 'NAME', description: 'Stack to use when the outputs file holds several' },
    timestamp: { type: 'string', value: 'SECONDS', description: 'Unix time to sign (default: now); match NOW_OVERRIDE when the runtime uses one' },
  },
  details: [
    'Examples:',
    '  hookbridge send shopify',
    '  hookbridge send stripe --type payment_intent.payment_failed',
    '  hookbridge send github --type push --file push.json',
    'Prints the HTTP status and body; exits 1 when the answer is not 2xx.',
  ].join('\n'),

  async run([source], flags, context) {
    const { sendWebhook } = await import('../sendWebhook.js');
    return sendWebhook(source!, flags, context);
  },
};
