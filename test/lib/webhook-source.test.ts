import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_LIMIT_BYTES } from '../../lib/constants.js';
import { WebhookApi } from '../../lib/webhook-api.js';
import { WebhookSource, type WebhookSourceProps } from '../../lib/webhook-source.js';
import { newStackWithBus } from '../helpers/cdk/stacks.js';

type Extra = Partial<Omit<WebhookSourceProps, 'api' | 'eventBus'>> & { withBucket?: boolean };

function build(id: string, extra: Extra = {}) {
  const { stack, bus } = newStackWithBus();
  const api = new WebhookApi(stack, 'Api');
  const { withBucket, ...props } = extra;
  const claimCheckBucket = withBucket ? new Bucket(stack, 'ClaimCheck') : undefined;
  const source = new WebhookSource(stack, id, { api, eventBus: bus, scheme: 'github', claimCheckBucket, ...props });
  return { stack, source, template: () => Template.fromStack(stack) };
}

function verifierEnv(template: Template): Record<string, unknown> {
  const fns = template.findResources('AWS::Lambda::Function', {
    Properties: { Environment: { Variables: { HOOKBRIDGE_SOURCE: Match.anyValue() } } },
  });
  const [fn] = Object.values(fns) as { Properties: { Environment: { Variables: Record<string, unknown> } } }[];
  return fn!.Properties.Environment.Variables;
}

describe('WebhookSource', () => {
  it('adds the route ANY /webhooks/<name> to the API', () => {
    build('github').template().hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /webhooks/github' });
  });

  it('runs its verifier on the latest Node.js runtime, arm64, with 256 MB and 10 s', () => {
    build('github').template().hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 256,
      Timeout: 10,
      TracingConfig: { Mode: 'Active' },
      Environment: { Variables: Match.objectLike({ HOOKBRIDGE_SOURCE: 'github' }) },
    });
  });

  it('sets exactly the verifier environment of docs/contract.md, with its defaults', () => {
    const env = verifierEnv(build('github').template());
    expect(Object.keys(env).sort()).toEqual(
      [
        'HOOKBRIDGE_SOURCE',
        'HOOKBRIDGE_SCHEME',
        'HOOKBRIDGE_SCHEME_OPTIONS',
        'HOOKBRIDGE_EVENT_SOURCE',
        'HOOKBRIDGE_EVENT_BUS_NAME',
        'HOOKBRIDGE_SECRET_ID',
        'HOOKBRIDGE_SECRET_CACHE_SECONDS',
        'HOOKBRIDGE_BODY_LIMIT',
        'HOOKBRIDGE_TOLERANCE_SECONDS',
        'POWERTOOLS_SERVICE_NAME',
        'POWERTOOLS_METRICS_NAMESPACE',
        'POWERTOOLS_LOG_LEVEL',
        'NODE_OPTIONS',
      ].sort(),
    );
    expect(env).toMatchObject({
      HOOKBRIDGE_SCHEME: 'github',
      HOOKBRIDGE_SCHEME_OPTIONS: '{}',
      HOOKBRIDGE_EVENT_SOURCE: 'webhooks.github',
      HOOKBRIDGE_SECRET_CACHE_SECONDS: '300',
      HOOKBRIDGE_BODY_LIMIT: '1048576',
      HOOKBRIDGE_TOLERANCE_SECONDS: '300',
      POWERTOOLS_METRICS_NAMESPACE: 'hookbridge',
      POWERTOOLS_LOG_LEVEL: 'INFO',
    });
    expect(env.HOOKBRIDGE_EVENT_BUS_NAME).toEqual({ Ref: expect.stringMatching(/^Bus/) });
    expect(env.HOOKBRIDGE_SECRET_ID).toEqual({ Ref: expect.stringMatching(/^githubSecret/) });
  });

  it('generates a secret by default', () => {
    const t = build('github').template();
    t.resourceCountIs('AWS::SecretsManager::Secret', 1);
    t.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: 48, ExcludePunctuation: true }),
    });
  });

  it('uses an existing secret by name and passes the name as the secret id', () => {
    const t = build('github', { secretName: 'vendors/github' }).template();
    t.resourceCountIs('AWS::SecretsManager::Secret', 0);
    expect(verifierEnv(t).HOOKBRIDGE_SECRET_ID).toBe('vendors/github');
  });

  it('uses an existing secret by complete ARN', () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:vendors/github-AbCdEf';
    const t = build('github', { secretArn: arn }).template();
    t.resourceCountIs('AWS::SecretsManager::Secret', 0);
    expect(verifierEnv(t).HOOKBRIDGE_SECRET_ID).toBe(arn);
  });

  it('lets the verifier read its secret, put events on the bus and put claim-check objects, nothing more', () => {
    const t = build('github', { withBucket: true }).template();
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyName: Match.stringLikeRegexp('^githubVerifierRoleDefaultPolicy'),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'], Resource: { Ref: Match.stringLikeRegexp('^githubSecret') } }),
          Match.objectLike({ Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Bus'), 'Arn'] } }),
          Match.objectLike({ Action: 's3:PutObject', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^ClaimCheck'), 'Arn'] }, '/*']] } }),
        ]),
      },
    });
  });

  it('passes the claim-check bucket and threshold when given', () => {
    const env = verifierEnv(build('github', { withBucket: true, claimCheckThresholdBytes: 65536 }).template());
    expect(env.HOOKBRIDGE_CLAIM_CHECK_BUCKET).toEqual({ Ref: expect.stringMatching(/^ClaimCheck/) });
    expect(env.HOOKBRIDGE_CLAIM_CHECK_THRESHOLD).toBe('65536');
  });

  it('gives twilio its public route URL by default', () => {
    const env = verifierEnv(build('twilio', { scheme: 'twilio' }).template());
    expect(JSON.stringify(env.HOOKBRIDGE_PUBLIC_URL)).toMatch(/^\{"Fn::Join":\["",\["https:\/\/",\{"Ref":"ApiHttpApi[0-9A-F]+"\}.*"\/webhooks\/twilio"\]\]\}$/);
  });

  it('takes a public URL for a custom domain', () => {
    const env = verifierEnv(build('twilio', { scheme: 'twilio', publicUrl: 'https://hooks.example.com/webhooks/twilio' }).template());
    expect(env.HOOKBRIDGE_PUBLIC_URL).toBe('https://hooks.example.com/webhooks/twilio');
  });

  it('sets no public URL for schemes that do not sign it', () => {
    expect(verifierEnv(build('github').template()).HOOKBRIDGE_PUBLIC_URL).toBeUndefined();
  });

  it('passes the generic scheme options with their defaults', () => {
    const env = verifierEnv(build('generic', { scheme: 'generic', genericOptions: { prefix: 'sha256=' } }).template());
    expect(JSON.parse(env.HOOKBRIDGE_SCHEME_OPTIONS as string)).toEqual({
      header: 'X-Signature',
      algorithm: 'sha256',
      encoding: 'hex',
      prefix: 'sha256=',
      prefixRequired: false,
    });
  });

  it('takes body limit, tolerance, cache TTL and event source as props', () => {
    const env = verifierEnv(
      build('github', {
        bodyLimitBytes: 2_000_000,
        tolerance: Duration.seconds(60),
        secretCacheTtl: Duration.seconds(30),
        eventSource: 'com.example.github',
      }).template(),
    );
    expect(env).toMatchObject({
      HOOKBRIDGE_BODY_LIMIT: '2000000',
      HOOKBRIDGE_TOLERANCE_SECONDS: '60',
      HOOKBRIDGE_SECRET_CACHE_SECONDS: '30',
      HOOKBRIDGE_EVENT_SOURCE: 'com.example.github',
    });
  });

  it('throttles its route when asked', () => {
    build('github', { throttlingRateLimit: 7 }).template().hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: { 'ANY /webhooks/github': { ThrottlingRateLimit: 7, ThrottlingBurstLimit: 200 } },
    });
  });

  it(`fails if bodyLimitBytes exceeds ${MAX_BODY_LIMIT_BYTES}`, () => {
    expect(() => build('github', { bodyLimitBytes: 5_000_000 })).toThrow(
      `bodyLimitBytes must be between 1 and ${MAX_BODY_LIMIT_BYTES} (given 5000000)`,
    );
  });

  it('fails if both secretName and secretArn are given', () => {
    expect(() => build('github', { secretName: 'a', secretArn: 'arn:aws:secretsmanager:eu-west-1:1:secret:a-AbCdEf' })).toThrow(
      'only one of secret, secretName, secretArn may be set (given secretName, secretArn)',
    );
  });

  it('fails if genericOptions are given to another scheme', () => {
    expect(() => build('github', { genericOptions: { header: 'X-Sig' } })).toThrow(
      'genericOptions is only valid with scheme "generic" (given scheme "github")',
    );
  });

  it('fails if the name is not a lower-case route segment', () => {
    expect(() => build('GitHub')).toThrow(/name must be lower-case letters, digits and dashes.*\(given "GitHub"\)/);
  });

  it('fails if the scheme is unknown', () => {
    expect(() => build('github', { scheme: 'gitlab' as never })).toThrow(/scheme must be one of github, .* \(given "gitlab"\)/);
  });

  it('fails with every violation at once', () => {
    expect(() => build('github', { bodyLimitBytes: 0, tolerance: Duration.seconds(7200), claimCheckThresholdBytes: 10 })).toThrow(
      /bodyLimitBytes must be between 1 and \d+ \(given 0\)\n- tolerance \(seconds\) must be between 1 and 3600 \(given 7200\)\n- claimCheckThresholdBytes needs claimCheckBucket \(given 10 without a bucket\)/,
    );
  });
});
