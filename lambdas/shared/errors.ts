/**
 * Base class of every error hookbridge's Lambda code throws on purpose.
 *
 * Modules subclass it (`VerificationError`, `PublishError`, …) so a handler can tell an
 * expected, classified failure from a bug with one `instanceof`, and so the original SDK error
 * travels along as `cause` instead of being flattened into a message.
 */
export class HookbridgeError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HookbridgeError';
  }
}
