import { createHash } from 'node:crypto';
import { PutEventsCommand, type EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { MAX_ENTRY_BYTES } from './constants.js';
import { contentTypeOf, serializeDetail } from './detail.js';
import type { DataRef, EnvelopeHead } from './envelope.js';
import { ErrorCode, PublishFailedError, VerifierError } from './errors.js';
import { putEventsEntrySize } from './entry-size.js';
import type { Payload } from './types.js';

/** Settings and injected clients of a {@link Publisher}. */
export interface PublisherOptions {
  readonly eventBridge: EventBridgeClient;
  readonly s3: S3Client;
  readonly eventBusName: string;
  /** Bucket for claim-checked payloads; without it, an entry that does not fit is refused with 413. */
  readonly claimCheckBucket?: string;
  /**
   * Payload bytes above which the payload goes to S3 even when the entry would fit: both
   * EventBridge and SQS bill per 64 KB chunk per hop, so with several consumers a claim check
   * can be cheaper. @default - only entries larger than {@link MAX_ENTRY_BYTES} are claim-checked
   */
  readonly claimCheckThreshold?: number;
}

/** What was published. */
export interface PublishResult {
  readonly entrySize: number;
  readonly dataref?: DataRef;
}

/**
 * Puts one envelope on the bus, claim-checking the payload to S3 when it is too large (or larger
 * than the configured threshold). Clients are injected so tests and the local runtime point them
 * at emulators; they are created once per execution environment by the caller.
 */
export class Publisher {
  readonly #options: PublisherOptions;

  public constructor(options: PublisherOptions) {
    this.#options = options;
  }

  /**
   * @throws PublishFailedError when S3 or EventBridge fail, or EventBridge rejects the entry
   * @throws VerifierError `payload_too_large` when the entry cannot fit and no bucket is configured
   */
  public async publish(head: EnvelopeHead, payload: Payload, receivedAt: Date): Promise<PublishResult> {
    const inline = this.#entry(head, serializeDetail(head, payload), receivedAt);
    const inlineSize = putEventsEntrySize(inline);
    const threshold = this.#options.claimCheckThreshold ?? Number.POSITIVE_INFINITY;
    if (inlineSize <= MAX_ENTRY_BYTES && payload.bytes.length <= threshold) {
      await this.#put(inline);
      return { entrySize: inlineSize };
    }
    const dataref = await this.#claimCheck(head, payload);
    const entry = this.#entry(head, serializeDetail(head, dataref), receivedAt);
    await this.#put(entry);
    return { entrySize: putEventsEntrySize(entry), dataref };
  }

  #entry(head: EnvelopeHead, detail: string, receivedAt: Date): PutEventsRequestEntry {
    return {
      EventBusName: this.#options.eventBusName,
      Source: head.source,
      DetailType: head.type,
      Detail: detail,
      Time: receivedAt,
    };
  }

  async #claimCheck(head: EnvelopeHead, payload: Payload): Promise<DataRef> {
    const bucket = this.#options.claimCheckBucket;
    if (!bucket) {
      throw new VerifierError(ErrorCode.PayloadTooLarge, 'payload does not fit one event and no claim-check bucket is configured');
    }
    const sha256 = createHash('sha256').update(payload.bytes).digest('hex');
    // Content-addressed under the source and day: a repeated delivery overwrites the same object,
    // and the key never contains vendor-controlled text.
    const key = `${head.source}/${head.time.slice(0, 10)}/${sha256}`;
    try {
      await this.#options.s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: payload.bytes,
          ContentType: contentTypeOf(payload),
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        }),
      );
    } catch (error) {
      throw new PublishFailedError('claim-check upload failed', { cause: error });
    }
    return { bucket, key, size: payload.bytes.length, sha256 };
  }

  async #put(entry: PutEventsRequestEntry): Promise<void> {
    let failed: { ErrorCode?: string } | undefined;
    try {
      const output = await this.#options.eventBridge.send(new PutEventsCommand({ Entries: [entry] }));
      if ((output.FailedEntryCount ?? 0) > 0) failed = output.Entries?.[0] ?? {};
    } catch (error) {
      throw new PublishFailedError('PutEvents failed', { cause: error });
    }
    // An entry-level failure is not an SDK error: PutEvents answers 200 and reports it per entry.
    if (failed) throw new PublishFailedError(`EventBridge rejected the event (${failed.ErrorCode ?? 'unknown error'})`);
  }
}
