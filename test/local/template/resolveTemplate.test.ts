import { describe, expect, it } from 'vitest';
import { resolveTemplate } from '../../../local/template/resolveTemplate.js';
import type { CfnTemplate } from '../../../local/template/types.js';
import { localContext } from '../../helpers/template/synthStack.js';

function resolve(resources: CfnTemplate['Resources'], extra: Partial<CfnTemplate> = {}, stackName = 'Shop') {
  return resolveTemplate({ Resources: resources, ...extra }, localContext(stackName));
}

describe('resolveTemplate', () => {
  it('uses an explicit name property as the physical name', () => {
    const t = resolve({
      Q: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'orders' } },
      T: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'idem' } },
      B: { Type: 'AWS::Events::EventBus', Properties: { Name: 'bus' } },
    });
    expect(t.resources.Q!.identity.ref).toBe('http://127.0.0.1:4566/000000000000/orders');
    expect(t.resources.T!.identity.arn).toBe('arn:aws:dynamodb:us-east-1:000000000000:table/idem');
    expect(t.resources.B!.identity.ref).toBe('bus');
  });

  it('generates deterministic CloudFormation-like names, different per stack', () => {
    const first = resolve({ Orders: { Type: 'AWS::SQS::Queue' } });
    const second = resolve({ Orders: { Type: 'AWS::SQS::Queue' } });
    const other = resolve({ Orders: { Type: 'AWS::SQS::Queue' } }, {}, 'Other');
    expect(first.resources.Orders!.identity.name).toMatch(/^Shop-Orders-[A-Z0-9]{13}$/);
    expect(second.resources.Orders!.identity.name).toBe(first.resources.Orders!.identity.name);
    expect(other.resources.Orders!.identity.name).not.toBe(first.resources.Orders!.identity.name);
  });

  it('keeps generated names within each type limit, lowercases buckets and suffixes FIFO queues', () => {
    const longId = `Consumer${'X'.repeat(90)}`;
    const t = resolve(
      {
        [longId]: { Type: 'AWS::Lambda::Function' },
        Fifo: { Type: 'AWS::SQS::Queue', Properties: { FifoQueue: true } },
        Bucket: { Type: 'AWS::S3::Bucket' },
        Archive: { Type: 'AWS::Events::Archive', Properties: { SourceArn: 'x' } },
      },
      {},
      'AVeryLongStackNameForTestingLimits',
    );
    expect(t.resources[longId]!.identity.name!.length).toBeLessThanOrEqual(64);
    expect(t.resources.Fifo!.identity.name).toMatch(/^AVeryLongStackNameForTestingLimits-Fifo-[A-Z0-9]{13}\.fifo$/);
    expect(t.resources.Bucket!.identity.name).toMatch(/^averylongstacknamefortestinglimits-bucket-[a-z0-9]{13}$/);
    expect(t.resources.Archive!.identity.name!.length).toBeLessThanOrEqual(48);
  });

  it('follows CloudFormation Ref semantics per type', () => {
    const t = resolve({
      Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'gh' } },
      Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'alerts' } },
      Rule: { Type: 'AWS::Events::Rule', Properties: { Name: 'r', EventBusName: 'arn:aws:events:us-east-1:000000000000:event-bus/hb' } },
      DefaultRule: { Type: 'AWS::Events::Rule', Properties: { Name: 'd' } },
      Role: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'fn-role', Path: '/service/' } },
    });
    expect(t.resources.Secret!.identity.ref).toMatch(/^arn:aws:secretsmanager:us-east-1:000000000000:secret:gh-[A-Za-z0-9]{6}$/);
    expect(t.resources.Topic!.identity.ref).toBe('arn:aws:sns:us-east-1:000000000000:alerts');
    expect(t.resources.Rule!.identity).toMatchObject({ ref: 'hb|r', arn: 'arn:aws:events:us-east-1:000000000000:rule/hb/r' });
    expect(t.resources.DefaultRule!.identity).toMatchObject({ ref: 'd', arn: 'arn:aws:events:us-east-1:000000000000:rule/d' });
    expect(t.resources.Role!.identity.arn).toBe('arn:aws:iam::000000000000:role/service/fn-role');
  });

  it('drops resources whose condition is false and reports condition values', () => {
    const t = resolve(
      { Always: { Type: 'AWS::SQS::Queue' }, ProdOnly: { Type: 'AWS::SQS::Queue', Condition: 'IsProd' } },
      { Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'AWS::AccountId' }, '123456789012'] } } },
    );
    expect(Object.keys(t.resources)).toEqual(['Always']);
    expect(t.conditions).toEqual({ IsProd: false });
  });

  it('rewrites the API URL of a named stage to the local webhook base URL', () => {
    const t = resolve({
      Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'a', ProtocolType: 'HTTP' } },
      Stage: { Type: 'AWS::ApiGatewayV2::Stage', Properties: { ApiId: { Ref: 'Api' }, StageName: 'prod' } },
      Fn: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Environment: {
            Variables: {
              URL: { 'Fn::Sub': 'https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/prod/webhooks/twilio' },
              OTHER: 'https://example.com/prod',
            },
          },
        },
      },
    });
    expect(t.resources.Fn!.properties).toEqual({
      Environment: { Variables: { URL: 'http://127.0.0.1:3000/webhooks/twilio', OTHER: 'https://example.com/prod' } },
    });
  });

  it('resolves emulated resources strictly: an unresolvable intrinsic throws, naming where', () => {
    expect(() =>
      resolve({ Fn: { Type: 'AWS::Lambda::Function', Properties: { Environment: { Variables: { X: { Ref: 'Nope' } } } } } }),
    ).toThrow('Fn.Properties.Environment.Variables.X.Ref: Ref to unknown parameter or resource Nope');
  });

  it('resolves resources with no local behaviour and outputs best-effort, as warnings', () => {
    const t = resolve(
      {
        Custom: { Type: 'Custom::Lookup', Properties: { ServiceToken: 'arn:aws:lambda:us-east-1:000000000000:function:x' } },
        Alarm: { Type: 'AWS::CloudWatch::Alarm', Properties: { AlarmDescription: { 'Fn::GetAtt': ['Custom', 'Value'] } } },
        Q: { Type: 'AWS::SQS::Queue' },
      },
      { Outputs: { Looked: { Value: { 'Fn::GetAtt': ['Custom', 'Value'] } }, Url: { Value: { Ref: 'Q' }, Export: { Name: 'QUrl' } } } },
    );
    expect(t.resources.Alarm!.properties).toEqual({ AlarmDescription: { 'Fn::GetAtt': ['Custom', 'Value'] } });
    expect(t.warnings).toEqual([
      expect.stringMatching(/^Alarm \(AWS::CloudWatch::Alarm\) left unresolved: .*Custom\.Value is returned by a custom resource/),
      expect.stringMatching(/^output Looked left out: /),
    ]);
    expect(t.outputs).toEqual({ Url: { value: t.resources.Q!.identity.ref, exportName: 'QUrl' } });
  });
});
