import { crc32Base64, md5Hex } from './checksums.js';
import { DEFAULT_SERVER_SIDE_ENCRYPTION } from './constants.js';
import { NoSuchBucketError, NoSuchKeyError, S3Error } from './errors.js';
import { handleS3Request, type S3WireRequest, type S3WireResponse } from './handleS3Request.js';
import type { PutObjectInput, S3Mutation, S3ServiceOptions, S3State, SerializedObject, StoredObject } from './types.js';

interface Bucket {
  readonly createdAt: number;
  readonly objects: Map<string, StoredObject>;
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const serialize = ({ body, ...rest }: StoredObject): SerializedObject => ({ ...rest, bodyBase64: body.toString('base64') });
const deserialize = ({ bodyBase64, ...rest }: SerializedObject): StoredObject => ({ ...rest, body: Buffer.from(bodyBase64, 'base64') });

/**
 * A minimal in-memory S3 for claim-check objects: buckets, and PutObject / GetObject / HeadObject /
 * DeleteObject by path-style requests (`/<bucket>/<key>`). Programmatic methods for the runtime,
 * {@link S3Service.handle} for the REST wire, `snapshot()`/`restore()` and an `onMutation` hook
 * whose records {@link S3Service.applyMutation} replays.
 *
 * Not emulated: listing, multipart upload, copy, ranges, versioning, ACLs and policies,
 * virtual-hosted-style addressing, presigned URLs, encryption (the SSE headers are stored and echoed).
 */
export class S3Service {
  public readonly region: string;
  private readonly now: () => number;
  private readonly onMutation?: (mutation: S3Mutation) => void;
  private buckets = new Map<string, Bucket>();

  public constructor(options: S3ServiceOptions = {}) {
    this.region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
    this.now = options.now ?? Date.now;
    this.onMutation = options.onMutation;
  }

  /** Answers one path-style S3 REST request. */
  public handle(request: S3WireRequest, body: Buffer): Promise<S3WireResponse> {
    return Promise.resolve(handleS3Request(this, request, body));
  }

  /** Whether a bucket exists. */
  public hasBucket(bucket: string): boolean {
    return this.buckets.has(bucket);
  }

  /**
   * Creates a bucket; creating one that exists is a no-op (`created: false`).
   *
   * @throws S3Error `InvalidBucketName` if the name breaks the bucket naming rules
   * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
   */
  public createBucket(bucket: string): { created: boolean } {
    if (!BUCKET_NAME.test(bucket) || bucket.includes('..')) {
      throw new S3Error('InvalidBucketName', 400, 'The specified bucket is not valid.', { BucketName: bucket });
    }
    if (this.buckets.has(bucket)) return { created: false };
    this.record({ type: 'createBucket', bucket, at: this.now() });
    return { created: true };
  }

  /**
   * Deletes an empty bucket.
   *
   * @throws NoSuchBucketError if it does not exist
   * @throws S3Error `BucketNotEmpty` if it holds objects
   */
  public deleteBucket(bucket: string): void {
    if (this.requireBucket(bucket).objects.size > 0) {
      throw new S3Error('BucketNotEmpty', 409, 'The bucket you tried to delete is not empty', { BucketName: bucket });
    }
    this.record({ type: 'deleteBucket', bucket });
  }

  /**
   * Stores an object (replacing any object of that key).
   *
   * @throws NoSuchBucketError if the bucket does not exist
   */
  public putObject(input: PutObjectInput): StoredObject {
    this.requireBucket(input.bucket);
    const body = typeof input.body === 'string' ? Buffer.from(input.body) : input.body;
    const object: StoredObject = {
      key: input.key,
      body,
      etag: `"${md5Hex(body)}"`,
      contentType: input.contentType ?? 'binary/octet-stream',
      contentEncoding: input.contentEncoding,
      metadata: { ...input.metadata },
      serverSideEncryption: input.serverSideEncryption ?? DEFAULT_SERVER_SIDE_ENCRYPTION,
      sseKmsKeyId: input.sseKmsKeyId,
      checksum: input.checksum ?? { algorithm: 'crc32', value: crc32Base64(body) },
      lastModified: this.now(),
    };
    this.record({ type: 'putObject', bucket: input.bucket, object: serialize(object) });
    return object;
  }

  /**
   * The object stored under `key`.
   *
   * @throws NoSuchBucketError if the bucket does not exist
   * @throws NoSuchKeyError if the key does not exist
   */
  public getObject(bucket: string, key: string): StoredObject {
    const object = this.requireBucket(bucket).objects.get(key);
    if (!object) throw new NoSuchKeyError(key);
    return object;
  }

  /**
   * Deletes an object; deleting a missing key succeeds, as on S3.
   *
   * @throws NoSuchBucketError if the bucket does not exist
   */
  public deleteObject(bucket: string, key: string): void {
    if (!this.requireBucket(bucket).objects.has(key)) return;
    this.record({ type: 'deleteObject', bucket, key });
  }

  /** Every bucket with its object count and bytes, for the runtime's state view. */
  public listBuckets(): Array<{ name: string; objectCount: number; bytes: number }> {
    return [...this.buckets.entries()].map(([name, bucket]) => ({
      name,
      objectCount: bucket.objects.size,
      bytes: [...bucket.objects.values()].reduce((sum, o) => sum + o.body.length, 0),
    }));
  }

  /** The keys of a bucket, sorted. */
  public listKeys(bucket: string): string[] {
    return [...this.requireBucket(bucket).objects.keys()].sort();
  }

  /** The whole state, JSON-serializable (bodies in base64). */
  public snapshot(): S3State {
    return {
      buckets: [...this.buckets.entries()].map(([name, bucket]) => ({
        name,
        createdAt: bucket.createdAt,
        objects: [...bucket.objects.values()].map(serialize),
      })),
    };
  }

  /** Replaces the whole state with a snapshot. */
  public restore(state: S3State): void {
    this.buckets = new Map(
      state.buckets.map((b) => [
        b.name,
        { createdAt: b.createdAt, objects: new Map(b.objects.map((o) => [o.key, deserialize(o)])) },
      ]),
    );
  }

  /** Replays one recorded mutation (journal replay); does not call `onMutation`. */
  public applyMutation(mutation: S3Mutation): void {
    switch (mutation.type) {
      case 'createBucket':
        if (!this.buckets.has(mutation.bucket)) this.buckets.set(mutation.bucket, { createdAt: mutation.at, objects: new Map() });
        return;
      case 'deleteBucket':
        this.buckets.delete(mutation.bucket);
        return;
      case 'putObject':
        this.requireBucket(mutation.bucket).objects.set(mutation.object.key, deserialize(mutation.object));
        return;
      case 'deleteObject':
        this.requireBucket(mutation.bucket).objects.delete(mutation.key);
    }
  }

  private record(mutation: S3Mutation): void {
    this.applyMutation(mutation);
    this.onMutation?.(mutation);
  }

  private requireBucket(bucket: string): Bucket {
    const found = this.buckets.get(bucket);
    if (!found) throw new NoSuchBucketError(bucket);
    return found;
  }
}
