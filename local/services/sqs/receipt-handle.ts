/**
 * Receipt handles: opaque to clients, here base64url of `queue \n messageId \n nonce`. A handle
 * names one receive of one message; a newer receive of the same message gets a new nonce.
 */
export interface ReceiptHandleParts {
  readonly queue: string;
  readonly messageId: string;
  readonly nonce: string;
}

/** Encodes a receipt handle. */
export function encodeReceiptHandle(parts: ReceiptHandleParts): string {
  return Buffer.from(`${parts.queue}\n${parts.messageId}\n${parts.nonce}`, 'utf8').toString('base64url');
}

/** Decodes a receipt handle, or `undefined` when it is not one this emulator issued. */
export function decodeReceiptHandle(handle: string): ReceiptHandleParts | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(handle)) return undefined;
  const parts = Buffer.from(handle, 'base64url').toString('utf8').split('\n');
  if (parts.length !== 3 || parts.some((part) => part.length === 0)) return undefined;
  const [queue, messageId, nonce] = parts;
  return { queue, messageId, nonce };
}
