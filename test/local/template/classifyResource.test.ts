import { describe, expect, it } from 'vitest';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as eventSources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { buildGraph } from '../../../local/template/buildGraph.js';
import { classifyResource } from '../../../local/template/classifyResource.js';
import { UnsupportedResourceError } from '../../../local/template/errors.js';
import { loadCloudAssembly } from '../../../local/template/loadCloudAssembly.js';
import { resolveTemplate } from '../../../local/template/resolveTemplate.js';
import type { CfnTemplate, LoadedStack } from '../../../local/template/types.js';
import { echoFunction, localContext, synthStack } from '../../helpers/template/synthStack.js';

function graphOf(resources: CfnTemplate['Resources']) {
  const stack: LoadedStack = { directory: '/nonexistent', artifactId: 'S', stackName: 'S', templatePath: '/nonexistent/S.template.json', template: { Resources: resources }, assets: [] };
  return buildGraph(resolveTemplate(stack.template, localContext('S')), stack);
}

describe('classifyResource', () => {
  it('classifies emulated, read-only and not-emulated types', () => {
    expect(classifyResource('Q', 'AWS::SQS::Queue')).toBe('emulated');
    expect(classifyResource('R', 'AWS::IAM::Role')).toBe('read');
    expect(classifyResource('P', 'AWS::SQS::QueuePolicy')).toBe('read');
    for (const type of ['AWS::Logs::LogGroup', 'AWS::CloudWatch::Alarm', 'AWS::Lambda::Permission', 'AWS::KMS::Key', 'Custom::S3AutoDeleteObjects', 'AWS::CDK::Metadata', 'AWS::IAM::InstanceProfile', 'AWS::Events::EventBusPolicy']) {
      expect(classifyResource('X', type)).toBe('not-emulated');
    }
    expect(classifyResource('S', 'AWS::SNS::Subscription', { Protocol: 'email' })).toBe('not-emulated');
  });

  it('fails if a type carries behaviour the runtime does not implement, naming the resource, the problem and the fix', () => {
    expect(() => classifyResource('Machine', 'AWS::StepFunctions::StateMachine')).toThrow(
      'Machine (AWS::StepFunctions::StateMachine): state machines are not emulated; remove it from the stack run locally, or test it on AWS',
    );
    expect(() => classifyResource('Auth', 'AWS::ApiGatewayV2::Authorizer')).toThrow(/^Auth \(AWS::ApiGatewayV2::Authorizer\): route authorizers/);
    expect(() => classifyResource('Odd', 'AWS::Foo::Bar')).toThrow('Odd (AWS::Foo::Bar): this type is not emulated by the local runtime;');
  });

  it('fails if an SNS subscription delivers to a function or queue', () => {
    const error = (() => {
      try {
        classifyResource('Sub', 'AWS::SNS::Subscription', { Protocol: 'lambda' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UnsupportedResourceError);
    expect(error).toMatchObject({ name: 'UnsupportedResourceError', logicalId: 'Sub', resourceType: 'AWS::SNS::Subscription' });
  });
});

describe('buildGraph with unsupported behaviour', () => {
  it('fails if an event source mapping reads a Kinesis stream, naming the mapping', () => {
    const app = synthStack((stack) => {
      const fn = echoFunction(stack, 'Reader');
      fn.addEventSource(new eventSources.KinesisEventSource(new kinesis.Stream(stack, 'Stream'), { startingPosition: lambda.StartingPosition.LATEST }));
    });
    try {
      const stack = loadCloudAssembly(app.outdir);
      const resolved = resolveTemplate(stack.template, localContext(stack.stackName));
      // The stream itself is unsupported; without it the mapping still is.
      const withoutStream = {
        ...resolved,
        resources: Object.fromEntries(Object.entries(resolved.resources).filter(([, r]) => r.type !== 'AWS::Kinesis::Stream')),
      };
      expect(() => buildGraph(resolved, stack)).toThrow(/^Stream[0-9A-F]{8} \(AWS::Kinesis::Stream\): Kinesis streams are not emulated/);
      expect(() => buildGraph(withoutStream, stack)).toThrow(
        /^ReaderKinesisEventSource\w+ \(AWS::Lambda::EventSourceMapping\): event source mappings from kinesis are not emulated, only from SQS/,
      );
    } finally {
      app.dispose();
    }
  });

  it('fails if the stack has a state machine', () => {
    const app = synthStack((stack) => {
      new sfn.StateMachine(stack, 'Flow', { definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, 'Pass')) });
    });
    try {
      const stack = loadCloudAssembly(app.outdir);
      expect(() => buildGraph(resolveTemplate(stack.template, localContext(stack.stackName)), stack)).toThrow(
        /^Flow[0-9A-F]{8} \(AWS::StepFunctions::StateMachine\): state machines are not emulated/,
      );
    } finally {
      app.dispose();
    }
  });

  it('fails naming the unsupported resource when a function reads one of its attributes', () => {
    expect(() =>
      graphOf({
        Machine: { Type: 'AWS::StepFunctions::StateMachine', Properties: {} },
        Fn: { Type: 'AWS::Lambda::Function', Properties: { Environment: { Variables: { M: { 'Fn::GetAtt': ['Machine', 'Name'] } } } } },
      }),
    ).toThrow(UnsupportedResourceError);
  });

  it('fails if a rule targets a service the runtime does not emulate', () => {
    expect(() =>
      graphOf({
        Topic: { Type: 'AWS::SNS::Topic' },
        Rule: { Type: 'AWS::Events::Rule', Properties: { EventPattern: { source: ['x'] }, Targets: [{ Id: 'T', Arn: { Ref: 'Topic' } }] } },
      }),
    ).toThrow(/^Rule \(AWS::Events::Rule\): target T delivers to arn:aws:sns:us-east-1:000000000000:S-Topic-\w+, a service the local runtime does not emulate/);
  });

  it('fails if a function is not Node.js', () => {
    expect(() =>
      graphOf({ Py: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'python3.12', Handler: 'index.handler', Code: { ZipFile: 'def handler(e, c): pass' } } } }),
    ).toThrow('Py (AWS::Lambda::Function): runtime python3.12 does not run locally, only Node.js; use a nodejs runtime');
  });

  it('fails if a function code asset is not in the assembly', () => {
    expect(() =>
      graphOf({ Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs22.x', Code: { S3Bucket: 'b', S3Key: 'abc.zip' } } } }),
    ).toThrow('Fn: code asset not found (no asset in the assembly publishes "abc.zip"); re-run `cdk synth`');
  });

  it('fails if an HTTP API route uses IAM authorization', () => {
    expect(() =>
      graphOf({
        Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'a', ProtocolType: 'HTTP' } },
        Route: { Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: { Ref: 'Api' }, RouteKey: 'POST /x', AuthorizationType: 'AWS_IAM' } },
      }),
    ).toThrow('Route (AWS::ApiGatewayV2::Route): route POST /x uses AWS_IAM authorization, which is not enforced locally');
  });
});
