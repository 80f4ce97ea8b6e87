/**
 * Errors of the S3 emulator, answered as S3's XML `<Error>` document. `code` is what the AWS SDK v3
 * surfaces as `err.name`; `fields` are the extra elements S3 adds (`Key`, `BucketName`, ...).
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
 */
export class S3Error extends Error {
  public readonly code: string;
  public readonly status: number;
  public readonly fields: Readonly<Record<string, string>>;

  public constructor(code: string, status: number, message: string, fields: Readonly<Record<string, string>> = {}) {
    super(message);
    this.name = 'S3Error';
    this.code = code;
    this.status = status;
    this.fields = fields;
  }
}

/** The bucket does not exist. */
export class NoSuchBucketError extends S3Error {
  public constructor(bucket: string) {
    super('NoSuchBucket', 404, 'The specified bucket does not exist', { BucketName: bucket });
    this.name = 'NoSuchBucketError';
  }
}

/** The key does not exist in the bucket. */
export class NoSuchKeyError extends S3Error {
  public constructor(key: string) {
    super('NoSuchKey', 404, 'The specified key does not exist.', { Key: key });
    this.name = 'NoSuchKeyError';
  }
}

/** A checksum or Content-MD5 the client sent does not match the bytes received. */
export class BadDigestError extends S3Error {
  public constructor(message: string) {
    super('BadDigest', 400, message);
    this.name = 'BadDigestError';
  }
}

/** The request body is malformed (bad aws-chunked framing, wrong decoded length). */
export class IncompleteBodyError extends S3Error {
  public constructor(message: string) {
    super('IncompleteBody', 400, message);
    this.name = 'IncompleteBodyError';
  }
}
