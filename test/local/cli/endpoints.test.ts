import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLocalEndpoints, writeLocalEndpoints } from '../../../local/cli/endpoints.js';
import { resolveTarget, regionOf, sdkClientConfig } from '../../../local/cli/target.js';
import { fixtureProject, type FixtureProject } from '../../helpers/cli/fixtureProject.js';

const ENDPOINTS = {
  edgeUrl: 'http://127.0.0.1:4566',
  webhookBaseUrl: 'http://127.0.0.1:3000/',
  inspectionUrl: 'http://127.0.0.1:3000/_local/state',
  cdkOut: '/tmp/cdk.out',
};

describe('local endpoints', () => {
  let project: FixtureProject;
  beforeEach(() => {
    project = fixtureProject();
  });
  afterEach(() => project.dispose());

  it('reads back what the runtime writes beside the outputs file', () => {
    const file = writeLocalEndpoints(project.outputsFile, ENDPOINTS);

    expect(file).toBe(join(project.dir, '.hookbridge', 'local.json'));
    expect(readLocalEndpoints(project.outputsFile)).toEqual(ENDPOINTS);
  });

  it('is absent for a deployed stack', () => {
    expect(readLocalEndpoints(project.outputsFile)).toBeUndefined();
  });

  it('fails if the file has no edge URL', () => {
    writeFileSync(join(project.dir, '.hookbridge', 'local.json'), JSON.stringify({ ...ENDPOINTS, edgeUrl: 'not a url' }));

    expect(() => readLocalEndpoints(project.outputsFile)).toThrow(/local\.json has no valid edgeUrl; delete it or restart `hookbridge local`/);
  });
});

describe('target', () => {
  it('is local when the outputs point at the local servers', () => {
    expect(resolveTarget(ENDPOINTS, ['http://127.0.0.1:4566/000000000000/q']).kind).toBe('local');
  });

  it('ignores a stale local.json beside the outputs of a deployed stack', () => {
    expect(resolveTarget(ENDPOINTS, ['https://sqs.eu-west-1.amazonaws.com/123456789012/q']).kind).toBe('aws');
  });

  it('points SDK clients at the edge locally and at the resource region on AWS', () => {
    expect(sdkClientConfig({ kind: 'local', endpoints: ENDPOINTS }, undefined, {})).toMatchObject({ endpoint: 'http://127.0.0.1:4566', region: 'us-east-1' });
    expect(sdkClientConfig({ kind: 'aws' }, 'https://sqs.eu-west-1.amazonaws.com/123456789012/q', { AWS_REGION: 'us-east-2' })).toEqual({ region: 'eu-west-1' });
    expect(sdkClientConfig({ kind: 'aws' }, 'my-secret', { AWS_REGION: 'us-east-2' })).toEqual({ region: 'us-east-2' });
  });

  it('reads the region of ARNs and SQS queue URLs', () => {
    expect(regionOf('arn:aws:secretsmanager:ap-south-1:123456789012:secret:x-AbCdEf')).toBe('ap-south-1');
    expect(regionOf('https://sqs.eu-central-1.amazonaws.com/123/q')).toBe('eu-central-1');
    expect(regionOf('https://us-west-2.queue.amazonaws.com/123/q')).toBe('us-west-2');
    expect(regionOf('arn:aws:s3:::bucket')).toBeUndefined();
  });
});
