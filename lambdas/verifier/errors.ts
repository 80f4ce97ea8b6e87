import { HookbridgeError } from '../shared/errors.js';

/**
 * Every reason the verifier answers something other than success. The same strings are the HTTP
 * `error` field and the `reason` dimension of the `Rejected` metric, so a dashboard and a vendor's
 * delivery log always name a failure the same way.
 */
export enum ErrorCode {
  UnknownSource = 'unknown_source',
  MethodNotAllowed = 'method_not_allowed',
  PayloadTooLarge = 'payload_too_large',
  SignatureMissing = 'signature_missing',
  SignatureMalformed = 'signature_malformed',
  TimestampOutOfWindow = 'timestamp_out_of_window',
  SignatureMismatch = 'signature_mismatch',
  MalformedPayload = 'malformed_payload',
  SecretUnavailable = 'secret_unavailable',
  PublishFailed = 'publish_failed',
}

/** HTTP status of each code; see the contract's ordering in docs/contract.md. */
export const STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  [ErrorCode.UnknownSource]: 404,
  [ErrorCode.MethodNotAllowed]: 405,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.SignatureMissing]: 401,
  [ErrorCode.SignatureMalformed]: 401,
  [ErrorCode.TimestampOutOfWindow]: 401,
  [ErrorCode.SignatureMismatch]: 401,
  [ErrorCode.MalformedPayload]: 400,
  [ErrorCode.SecretUnavailable]: 503,
  [ErrorCode.PublishFailed]: 503,
};

/**
 * A request the verifier refuses, with the code it answers. The message goes to the caller
 * verbatim, so it must stay one line and never contain a secret, a signature we computed, or
 * request content.
 */
export class VerifierError extends HookbridgeError {
  public readonly code: ErrorCode;

  public constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VerifierError';
    this.code = code;
  }

  /** The HTTP status this error is answered with. */
  public get status(): number {
    return STATUS_OF[this.code];
  }
}

/** The signature could not be checked or did not hold (always 401). */
export class SignatureError extends VerifierError {
  public constructor(
    code:
      | ErrorCode.SignatureMissing
      | ErrorCode.SignatureMalformed
      | ErrorCode.TimestampOutOfWindow
      | ErrorCode.SignatureMismatch,
    message: string,
  ) {
    super(code, message);
    this.name = 'SignatureError';
  }
}

/** The request verified but its body is not what the scheme promises (400). */
export class MalformedPayloadError extends VerifierError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCode.MalformedPayload, message, options);
    this.name = 'MalformedPayloadError';
  }
}

/** The source's secret could not be read or holds no usable value (503, so the vendor retries). */
export class SecretUnavailableError extends VerifierError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCode.SecretUnavailable, message, options);
    this.name = 'SecretUnavailableError';
  }
}

/** The event did not reach the bus (503, so the vendor retries). */
export class PublishFailedError extends VerifierError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCode.PublishFailed, message, options);
    this.name = 'PublishFailedError';
  }
}

/** The verifier's environment is invalid; thrown at cold start, before any request is answered. */
export class VerifierConfigError extends HookbridgeError {
  public constructor(message: string) {
    super(message);
    this.name = 'VerifierConfigError';
  }
}
