/** Base error of the local event source mapping pollers. */
export class PollerError extends Error {
  public readonly mappingId: string;

  public constructor(mappingId: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PollerError';
    this.mappingId = mappingId;
  }
}

/** The mapping's configuration breaks a rule Lambda enforces; lists every violation at once. */
export class InvalidEventSourceMappingError extends PollerError {
  public readonly violations: readonly string[];

  public constructor(mappingId: string, violations: readonly string[]) {
    super(mappingId, `event source mapping ${mappingId}: ${violations.join('; ')}`);
    this.name = 'InvalidEventSourceMappingError';
    this.violations = violations;
  }
}

/** Deleting processed messages failed; they will be delivered again after their visibility timeout. */
export class DeleteMessagesError extends PollerError {
  public constructor(mappingId: string, count: number, cause: unknown) {
    super(mappingId, `event source mapping ${mappingId}: deleting ${count} processed message(s) failed; they will be redelivered`, { cause });
    this.name = 'DeleteMessagesError';
  }
}

/** Receiving from the queue failed; the poller retries after a pause. */
export class ReceiveMessagesError extends PollerError {
  public constructor(mappingId: string, cause: unknown) {
    super(mappingId, `event source mapping ${mappingId}: receiving messages failed; retrying`, { cause });
    this.name = 'ReceiveMessagesError';
  }
}
