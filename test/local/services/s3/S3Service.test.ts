import { request } from 'node:http';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crc32Base64, type S3Mutation, S3Service } from '../../../../local/services/s3/index.js';
import { clientConfig } from '../../../helpers/edge/credentials.js';
import { type ServedHandler, serveHandler } from '../../../helpers/edge/serveHandler.js';

const BUCKET = 'hookbridge-claim-check';

/** A raw HTTP request, for what the SDK would not send (bad checksums) or hides (XML bodies). */
const raw = (url: string, method: string, path: string, headers: Record<string, string> = {}, body = ''): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request({ host: target.hostname, port: target.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });

describe('S3Service over the REST wire', () => {
  let service: S3Service;
  let served: ServedHandler;
  let client: S3Client;
  const mutations: S3Mutation[] = [];

  beforeEach(async () => {
    mutations.length = 0;
    service = new S3Service({ onMutation: (m) => mutations.push(m) });
    served = await serveHandler((req, body) => service.handle(req, body));
    client = new S3Client({ ...clientConfig(served.url), forcePathStyle: true });
    await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  });

  afterEach(async () => {
    client.destroy();
    await served.close();
  });

  it('round-trips an object with the SDK default checksum, ETag = quoted MD5', async () => {
    // GIVEN the SDK's default flexible checksum (CRC32 header for a string body)
    const body = JSON.stringify({ hello: 'world' });
    // WHEN
    const put = await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'github/a b.json', Body: body, ContentType: 'application/json' }));
    const got = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'github/a b.json' }));
    // THEN
    const md5 = createHash('md5').update(body).digest('hex');
    expect(put.ETag).toBe(`"${md5}"`);
    expect(put.ChecksumCRC32).toBe(crc32Base64(Buffer.from(body)));
    expect(await got.Body?.transformToString()).toBe(body);
    expect(got).toMatchObject({ ETag: `"${md5}"`, ContentType: 'application/json', ContentLength: body.length, ServerSideEncryption: 'AES256' });
    expect(got.ChecksumCRC32).toBe(crc32Base64(Buffer.from(body)));
  });

  it('decodes an aws-chunked streaming upload with its CRC32 trailer', async () => {
    // GIVEN a stream body: the SDK sends it aws-chunked with an x-amz-checksum-crc32 trailer
    const parts = [Buffer.from('x'.repeat(70_000)), Buffer.from('tail')];
    // WHEN
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'big', Body: Readable.from(parts), ContentLength: 70_004 }));
    // THEN the stored bytes are the payload alone
    const stored = service.getObject(BUCKET, 'big');
    expect(stored.body.equals(Buffer.concat(parts))).toBe(true);
    expect(stored.checksum).toEqual({ algorithm: 'crc32', value: crc32Base64(Buffer.concat(parts)) });
  });

  it('stores user metadata and the SSE header it is given', async () => {
    await client.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'k', Body: 'x', Metadata: { source: 'github' }, ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 'alias/x' }),
    );
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'k' }));
    expect(head).toMatchObject({ Metadata: { source: 'github' }, ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 'alias/x', ContentLength: 1 });
  });

  it('fails if the key does not exist, with NoSuchKey (404) and S3 error XML', async () => {
    await expect(client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'missing' }))).rejects.toMatchObject({
      name: 'NoSuchKey',
      message: 'The specified key does not exist.',
      $metadata: { httpStatusCode: 404 },
    });
    const answer = await raw(served.url, 'GET', `/${BUCKET}/missing`);
    expect(answer.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>NoSuchKey<\/Code><Message>The specified key does not exist.<\/Message><Key>missing<\/Key><RequestId>[0-9A-F]{16}<\/RequestId><HostId>.+<\/HostId><\/Error>$/);
  });

  it('fails if the bucket does not exist, with NoSuchBucket', async () => {
    await expect(client.send(new GetObjectCommand({ Bucket: 'nobucket', Key: 'k' }))).rejects.toMatchObject({
      name: 'NoSuchBucket',
      message: 'The specified bucket does not exist',
    });
  });

  it('answers HEAD of a missing object or bucket with a bodiless 404 (NotFound)', async () => {
    await expect(client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'missing' }))).rejects.toMatchObject({ name: 'NotFound' });
    await expect(client.send(new HeadBucketCommand({ Bucket: 'nobucket' }))).rejects.toMatchObject({ name: 'NotFound' });
    await expect(client.send(new HeadBucketCommand({ Bucket: BUCKET }))).resolves.toBeDefined();
  });

  it('deletes an object, and deleting a missing key succeeds', async () => {
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'gone', Body: 'x' }));
    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'gone' }));
    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'gone' }));
    await expect(client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'gone' }))).rejects.toMatchObject({ name: 'NoSuchKey' });
  });

  it('fails if the CRC32 sent does not match the body, with BadDigest', async () => {
    const answer = await raw(served.url, 'PUT', `/${BUCKET}/bad`, { 'x-amz-checksum-crc32': crc32Base64(Buffer.from('other')) }, 'payload');
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('<Code>BadDigest</Code><Message>The CRC32 you specified did not match the calculated checksum.</Message>');
    expect(() => service.getObject(BUCKET, 'bad')).toThrow('The specified key does not exist.');
  });

  it('rebuilds the same objects from mutation records and from a snapshot', async () => {
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a', Body: 'A' }));
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'b', Body: 'B' }));
    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'a' }));
    const replayed = new S3Service();
    for (const m of JSON.parse(JSON.stringify(mutations)) as S3Mutation[]) replayed.applyMutation(m);
    const restored = new S3Service();
    restored.restore(JSON.parse(JSON.stringify(service.snapshot())));
    expect(replayed.snapshot()).toEqual(service.snapshot());
    expect(restored.getObject(BUCKET, 'b').body.toString()).toBe('B');
    expect(restored.listKeys(BUCKET)).toEqual(['b']);
  });
});

describe('S3Service with the configuration a Lambda function gets (no forcePathStyle)', () => {
  let service: S3Service;
  let served: ServedHandler;
  const saved = { s3: process.env.AWS_ENDPOINT_URL_S3, all: process.env.AWS_ENDPOINT_URL };

  beforeEach(async () => {
    service = new S3Service();
    service.createBucket(BUCKET);
    served = await serveHandler((req, body) => service.handle(req, body));
  });

  afterEach(async () => {
    for (const [name, value] of [['AWS_ENDPOINT_URL_S3', saved.s3], ['AWS_ENDPOINT_URL', saved.all]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await served.close();
  });

  // The SDK's S3 endpoint rules fall back to path style for an IP-address endpoint, so a bucket
  // name never becomes a `bucket.127.0.0.1` host.
  for (const variable of ['AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL'] as const) {
    it(`puts and gets with ${variable}=http://127.0.0.1:<port> and a default client`, async () => {
      // GIVEN only the environment variable, as the runtime sets it for a function
      delete process.env.AWS_ENDPOINT_URL_S3;
      delete process.env.AWS_ENDPOINT_URL;
      process.env[variable] = served.url;
      const client = new S3Client({ region: 'us-east-1', credentials: { accessKeyId: 'LOCALFN', secretAccessKey: 'x' } });
      try {
        // WHEN
        await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'claim/1.json', Body: '{"a":1}' }));
        const got = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'claim/1.json' }));
        // THEN
        expect(await got.Body?.transformToString()).toBe('{"a":1}');
        expect(service.listKeys(BUCKET)).toEqual(['claim/1.json']);
      } finally {
        client.destroy();
      }
    });
  }
});
