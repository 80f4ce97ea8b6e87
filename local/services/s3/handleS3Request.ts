import type { IncomingHttpHeaders } from 'node:http';
import { createHash } from 'node:crypto';
import { computeChecksum } from './checksums.js';
import { CHECKSUM_ALGORITHMS, METADATA_PREFIX } from './constants.js';
import { decodeAwsChunked } from './decodeAwsChunked.js';
import { BadDigestError, IncompleteBodyError, S3Error } from './errors.js';
import type { S3Service } from './S3Service.js';
import type { StoredObject } from './types.js';
import { s3ErrorXml, s3RequestIds } from './xml.js';

/** The parts of an HTTP request the S3 wire handler reads. */
export interface S3WireRequest {
  readonly method?: string;
  readonly url?: string;
  readonly headers: IncomingHttpHeaders;
}

/** An HTTP answer. For HEAD, `content-length` is the object's size and `body` is empty. */
export interface S3WireResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | Buffer;
}

const header = (request: S3WireRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

const decode = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new S3Error('InvalidURI', 400, "Couldn't parse the specified URI.");
  }
};

const parsePath = (url: string): { bucket: string; key: string } => {
  const path = url.split('?')[0] ?? '/';
  const slash = path.indexOf('/', 1);
  if (slash === -1) return { bucket: decode(path.slice(1)), key: '' };
  return { bucket: decode(path.slice(1, slash)), key: path.slice(slash + 1).split('/').map(decode).join('/') };
};

/**
 * The PutObject payload: aws-chunked bodies decoded (their trailers carry the flexible checksum),
 * then every checksum the client sent — `x-amz-checksum-<alg>` header or trailer, `Content-MD5` —
 * checked against the bytes where Node can compute it.
 */
const readPayload = (
  request: S3WireRequest,
  raw: Buffer,
): { body: Buffer; checksum?: { algorithm: string; value: string }; contentEncoding?: string } => {
  const encodings = (header(request, 'content-encoding') ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  const sha = header(request, 'x-amz-content-sha256') ?? '';
  const chunked = encodings.includes('aws-chunked') || sha.startsWith('STREAMING-');
  const { body, trailers } = chunked ? decodeAwsChunked(raw) : { body: raw, trailers: {} as Record<string, string> };
  const decodedLength = header(request, 'x-amz-decoded-content-length');
  if (chunked && decodedLength !== undefined && Number(decodedLength) !== body.length) {
    throw new IncompleteBodyError(`You did not provide the number of bytes specified by the x-amz-decoded-content-length header (${decodedLength}, got ${body.length}).`);
  }
  let checksum: { algorithm: string; value: string } | undefined;
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const name = `x-amz-checksum-${algorithm}`;
    const value = header(request, name) ?? trailers[name];
    if (value === undefined) continue;
    const actual = computeChecksum(algorithm, body);
    if (actual !== undefined && actual !== value) {
      throw new BadDigestError(`The ${algorithm.toUpperCase()} you specified did not match the calculated checksum.`);
    }
    checksum = { algorithm, value };
  }
  const md5 = header(request, 'content-md5');
  if (md5 !== undefined && createHash('md5').update(body).digest('base64') !== md5) {
    throw new BadDigestError('The Content-MD5 you specified did not match what we received.');
  }
  const rest = encodings.filter((e) => e !== 'aws-chunked');
  return { body, checksum, contentEncoding: rest.length > 0 ? rest.join(',') : undefined };
};

const objectHeaders = (object: StoredObject, withChecksum: boolean): Record<string, string> => {
  const headers: Record<string, string> = {
    'content-type': object.contentType,
    'content-length': String(object.body.length),
    etag: object.etag,
    'last-modified': new Date(object.lastModified).toUTCString(),
    'accept-ranges': 'bytes',
    'x-amz-server-side-encryption': object.serverSideEncryption,
  };
  if (object.contentEncoding) headers['content-encoding'] = object.contentEncoding;
  if (object.sseKmsKeyId) headers['x-amz-server-side-encryption-aws-kms-key-id'] = object.sseKmsKeyId;
  for (const [name, value] of Object.entries(object.metadata)) headers[`${METADATA_PREFIX}${name}`] = value;
  if (withChecksum) {
    headers[`x-amz-checksum-${object.checksum.algorithm}`] = object.checksum.value;
    headers['x-amz-checksum-type'] = 'FULL_OBJECT';
  }
  return headers;
};

const route = (service: S3Service, request: S3WireRequest, raw: Buffer): { status: number; headers: Record<string, string>; body: string | Buffer } => {
  const method = (request.method ?? 'GET').toUpperCase();
  const { bucket, key } = parsePath(request.url ?? '/');
  if (bucket === '') throw new S3Error('NotImplemented', 501, 'ListBuckets is not emulated locally.');
  if (key === '') {
    switch (method) {
      case 'PUT': {
        const { created } = service.createBucket(bucket);
        // Re-creating a bucket you own answers 200 in us-east-1 only (legacy compatibility).
        // @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html
        if (!created && service.region !== 'us-east-1') {
          throw new S3Error('BucketAlreadyOwnedByYou', 409, 'Your previous request to create the named bucket succeeded and you already own it.', { BucketName: bucket });
        }
        return { status: 200, headers: { location: `/${bucket}` }, body: '' };
      }
      case 'HEAD':
        if (!service.hasBucket(bucket)) return { status: 404, headers: {}, body: '' };
        return { status: 200, headers: { 'x-amz-bucket-region': service.region }, body: '' };
      case 'DELETE':
        service.deleteBucket(bucket);
        return { status: 204, headers: {}, body: '' };
      default:
        throw new S3Error('NotImplemented', 501, `${method} on a bucket is not emulated locally.`);
    }
  }
  switch (method) {
    case 'PUT': {
      if (header(request, 'x-amz-copy-source') !== undefined) throw new S3Error('NotImplemented', 501, 'CopyObject is not emulated locally.');
      if ((request.url ?? '').includes('uploadId=')) throw new S3Error('NotImplemented', 501, 'Multipart upload is not emulated locally.');
      const payload = readPayload(request, raw);
      const metadata: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (name.startsWith(METADATA_PREFIX) && typeof value === 'string') metadata[name.slice(METADATA_PREFIX.length)] = value;
      }
      const stored = service.putObject({
        bucket,
        key,
        body: payload.body,
        contentType: header(request, 'content-type'),
        contentEncoding: payload.contentEncoding,
        metadata,
        serverSideEncryption: header(request, 'x-amz-server-side-encryption'),
        sseKmsKeyId: header(request, 'x-amz-server-side-encryption-aws-kms-key-id'),
        checksum: payload.checksum,
      });
      const headers: Record<string, string> = { etag: stored.etag, 'x-amz-server-side-encryption': stored.serverSideEncryption };
      if (stored.sseKmsKeyId) headers['x-amz-server-side-encryption-aws-kms-key-id'] = stored.sseKmsKeyId;
      if (payload.checksum) {
        headers[`x-amz-checksum-${payload.checksum.algorithm}`] = payload.checksum.value;
        headers['x-amz-checksum-type'] = 'FULL_OBJECT';
      }
      return { status: 200, headers, body: '' };
    }
    case 'GET':
    case 'HEAD': {
      if (method === 'HEAD' && !service.hasBucket(bucket)) return { status: 404, headers: {}, body: '' };
      let object: StoredObject;
      try {
        object = service.getObject(bucket, key);
      } catch (error) {
        // HEAD answers carry no body: the SDK names a bodiless 404 `NotFound`, as with AWS.
        if (method === 'HEAD' && error instanceof S3Error) return { status: error.status, headers: {}, body: '' };
        throw error;
      }
      const withChecksum = (header(request, 'x-amz-checksum-mode') ?? '').toUpperCase() === 'ENABLED';
      return { status: 200, headers: objectHeaders(object, withChecksum), body: method === 'HEAD' ? '' : object.body };
    }
    case 'DELETE':
      service.deleteObject(bucket, key);
      return { status: 204, headers: {}, body: '' };
    default:
      throw new S3Error('MethodNotAllowed', 405, 'The specified method is not allowed against this resource.');
  }
};

/**
 * Answers one path-style S3 REST request. Errors are S3's XML `<Error>` documents with its
 * statuses (404 NoSuchKey / NoSuchBucket, 400 BadDigest, ...); HEAD errors have no body.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
 */
export const handleS3Request = (service: S3Service, request: S3WireRequest, body: Buffer): S3WireResponse => {
  const ids = s3RequestIds();
  const idHeaders = { 'x-amz-request-id': ids.requestId, 'x-amz-id-2': ids.hostId };
  try {
    const answer = route(service, request, body);
    return { ...answer, headers: { ...idHeaders, ...answer.headers } };
  } catch (error) {
    if (!(error instanceof S3Error)) throw error;
    return {
      status: error.status,
      headers: { ...idHeaders, 'content-type': 'application/xml' },
      body: (request.method ?? '').toUpperCase() === 'HEAD' ? '' : s3ErrorXml(error.code, error.message, error.fields, ids),
    };
  }
};
