import type { WebhookRequest } from '../../../lambdas/verifier/types.js';

/** A verifier request with lower-cased header names, as the handler builds it. */
export function webhookRequest(body: Buffer | string, headers: Record<string, string>, url = 'https://hooks.example.com/webhooks/test'): WebhookRequest {
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
  return { headers: lower, body: Buffer.from(body), url };
}
