import type { Scheme, WebhookRequest } from '../../../lambdas/verifier/types.js';
import { verify, type VerifyResult } from '../../../lambdas/verifier/verify.js';

/** Runs a request through a scheme adapter and the verification core, as the handler does. */
export function check(
  scheme: Scheme,
  request: WebhookRequest,
  secrets: readonly string[],
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): VerifyResult {
  const content = scheme.signedContent(request);
  return verify({ content, keys: secrets.map((s) => scheme.key(s)), nowSeconds, toleranceSeconds });
}
