import { Match, Template } from 'aws-cdk-lib/assertions';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { WebhookApi } from '../../lib/webhook-api.js';
import { newStack } from '../helpers/cdk/stacks.js';

function build(props = {}): { template: () => Template; api: WebhookApi } {
  const { stack } = newStack();
  const api = new WebhookApi(stack, 'Api', props);
  return { template: () => Template.fromStack(stack), api };
}

describe('WebhookApi', () => {
  it('creates one HTTP API (v2)', () => {
    const t = build().template();
    t.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
  });

  it('has one auto-deployed $default stage', () => {
    const t = build().template();
    t.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: '$default', AutoDeploy: true });
  });

  it('throttles the stage at 100 requests/s with bursts of 200 by default', () => {
    build().template().hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
    });
  });

  it('takes the stage throttling as props', () => {
    build({ throttlingRateLimit: 10, throttlingBurstLimit: 20 }).template().hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 },
    });
  });

  it('writes JSON access logs to a log group kept 30 days', () => {
    const t = build().template();
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiAccessLogs'), 'Arn'] },
        Format: Match.serializedJson(Match.objectLike({ requestId: '$context.requestId', status: '$context.status', routeKey: '$context.routeKey' })),
      },
    });
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('writes access logs to a brought log group', () => {
    const { stack } = newStack();
    const logs = new LogGroup(stack, 'Mine');
    new WebhookApi(stack, 'Api', { accessLogGroup: logs });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Mine'), 'Arn'] } },
    });
  });

  it('answers unknown paths with the not-found handler on ANY /{proxy+} and $default', () => {
    const { template, api } = build();
    const t = template();
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /{proxy+}' });
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
    t.resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiNotFoundFunction'), 'Arn'] },
    });
    expect(api.notFoundHandler.function.runtime.name).toBe('nodejs24.x');
  });

  it('routes ANY /webhooks/<source> to the given handler, throttled per route when asked', () => {
    const { stack } = newStack();
    const api = new WebhookApi(stack, 'Api');
    api.addSourceRoute('github', api.notFoundHandler.function, { rateLimit: 5, burstLimit: 10 });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /webhooks/github' });
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: { 'ANY /webhooks/github': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 } },
    });
    t.hasResource('AWS::ApiGatewayV2::Stage', { DependsOn: Match.arrayWith([Match.stringLikeRegexp('^ApiHttpApiANYwebhooksgithub')]) });
  });

  it('has no per-route settings unless a route asks', () => {
    build().template().hasResourceProperties('AWS::ApiGatewayV2::Stage', { RouteSettings: Match.absent() });
  });

  it('gives each source its webhook URL under the stage URL', () => {
    const { stack } = newStack();
    const api = new WebhookApi(stack, 'Api');
    const url = JSON.stringify(stack.resolve(api.webhookUrl('github')));
    expect(url).toMatch(/^\{"Fn::Join":\["",\["https:\/\/",\{"Ref":"ApiHttpApi[0-9A-F]+"\},".execute-api."/);
    expect(url).toMatch(/"\/webhooks\/github"\]\]\}$/);
  });

  it('fails if throttlingRateLimit is 0 and throttlingBurstLimit is 6000, naming both', () => {
    const { stack } = newStack();
    expect(() => new WebhookApi(stack, 'Api', { throttlingRateLimit: 0, throttlingBurstLimit: 6000 })).toThrow(
      /throttlingRateLimit must be between 1 and 10000 \(given 0\)\n- throttlingBurstLimit must be between 1 and 5000 \(given 6000\)/,
    );
  });

  it('fails if a route throttle is not an integer', () => {
    const { stack } = newStack();
    const api = new WebhookApi(stack, 'Api');
    expect(() => api.addSourceRoute('github', api.notFoundHandler.function, { rateLimit: 1.5 })).toThrow(
      'throttle.rateLimit must be an integer (given 1.5)',
    );
  });
});
