import type { Command } from '../types.js';

/** `hookbridge status`: queue depths per consumer, and locally processed/failed counts. */
export const statusCommand: Command = {
  name: 'status',
  summary: 'Show per-consumer queue depth, in flight, delayed and DLQ depth (and, locally, processed/failed)',
  usage: 'status [flags]',
  positionals: [],
  flags: {
    'outputs-file': { type: 'string', value: 'FILE', description: 'Stack outputs (default .hookbridge/outputs.json)' },
    stack: { type: 'string', value: 'NAME', description: 'Stack to use when the outputs file holds several' },
    json: { type: 'boolean', description: 'Print JSON instead of a table' },
  },
  details: 'Uses SQS GetQueueAttributes: against the local edge when the outputs come from `hookbridge local`, else against AWS.',

  async run(_args, flags, context) {
    const { showStatus } = await import('../showStatus.js');
    return showStatus(flags, context);
  },
};
