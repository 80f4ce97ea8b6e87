import { describe, expect, it } from 'vitest';
import { IntrinsicResolutionError, MissingParameterError, TemplateError } from '../../../local/template/errors.js';
import { NO_VALUE, TemplateResolver } from '../../../local/template/TemplateResolver.js';
import type { CfnTemplate } from '../../../local/template/types.js';
import { localContext } from '../../helpers/template/synthStack.js';

const template: CfnTemplate = {
  Parameters: {
    Stage: { Type: 'String', Default: 'dev' },
    Zones: { Type: 'CommaDelimitedList', Default: 'a,b' },
    Required: { Type: 'String' },
    BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/hnb659fds/version' },
    OtherSsm: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/my/param' },
  },
  Mappings: { Sizes: { dev: { memory: 256 } } },
  Conditions: {
    IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] },
    IsDev: { 'Fn::Not': [{ Condition: 'IsProd' }] },
    InUsEast1: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] },
    DevInUsEast1: { 'Fn::And': [{ Condition: 'IsDev' }, { Condition: 'InUsEast1' }] },
    ProdOrUsEast1: { 'Fn::Or': [{ Condition: 'IsProd' }, { Condition: 'InUsEast1' }] },
    Loop: { 'Fn::Not': [{ Condition: 'Loop' }] },
  },
  Resources: {
    Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: { 'Fn::Sub': '${AWS::StackName}-orders-${Stage}' } } },
    ProdOnly: { Type: 'AWS::SQS::Queue', Condition: 'IsProd' },
    Fn: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'verifier' } },
    Custom: { Type: 'Custom::Thing', Properties: { ServiceToken: { 'Fn::GetAtt': ['Fn', 'Arn'] } } },
    SelfNamed: { Type: 'AWS::SQS::Queue', Properties: { QueueName: { 'Fn::GetAtt': ['SelfNamed', 'QueueName'] } } },
  },
};

function resolver(parameters?: Record<string, string>): TemplateResolver {
  return new TemplateResolver(template, localContext('Shop', parameters === undefined ? {} : { parameters }));
}

describe('TemplateResolver', () => {
  it('resolves pseudo parameters to the local account, region and stack', () => {
    const r = resolver();
    expect(
      r.resolve(
        ['AWS::Region', 'AWS::AccountId', 'AWS::Partition', 'AWS::URLSuffix', 'AWS::StackName'].map((Ref) => ({ Ref })),
        'p',
      ),
    ).toEqual(['us-east-1', '000000000000', 'aws', 'amazonaws.com', 'Shop']);
    expect(new TemplateResolver(template, localContext('Shop', { region: 'cn-north-1' })).resolve({ Ref: 'AWS::Partition' }, 'p')).toBe('aws-cn');
  });

  it('removes properties and list items that resolve to AWS::NoValue', () => {
    const value = resolver().resolve({ a: { Ref: 'AWS::NoValue' }, b: [1, { Ref: 'AWS::NoValue' }, 2], c: 'kept' }, 'p');
    expect(value).toEqual({ b: [1, 2], c: 'kept' });
    expect(resolver().resolve({ Ref: 'AWS::NoValue' }, 'p')).toBe(NO_VALUE);
  });

  it('resolves Fn::Sub with pseudo parameters, parameters, resource Refs, GetAtt and escaped literals', () => {
    const value = resolver().resolve({ 'Fn::Sub': '${AWS::Region}/${Stage}/${Queue}/${Fn.Arn}/${!Literal}' }, 'p');
    expect(value).toBe(
      'us-east-1/dev/http://127.0.0.1:4566/000000000000/Shop-orders-dev/arn:aws:lambda:us-east-1:000000000000:function:verifier/${Literal}',
    );
  });

  it('resolves the Fn::Sub list form with its own variables, which win over parameters', () => {
    const value = resolver().resolve({ 'Fn::Sub': ['${Stage}-${Name}', { Stage: 'override', Name: { Ref: 'Fn' } }] }, 'p');
    expect(value).toBe('override-verifier');
  });

  it('resolves Fn::Join, Fn::Select and Fn::Split, nested', () => {
    const r = resolver();
    expect(r.resolve({ 'Fn::Join': ['-', ['a', { Ref: 'Stage' }, 3]] }, 'p')).toBe('a-dev-3');
    expect(r.resolve({ 'Fn::Select': [1, { 'Fn::Split': ['/', 'x/y/z'] }] }, 'p')).toBe('y');
    expect(r.resolve({ 'Fn::Select': ['0', { Ref: 'Zones' }] }, 'p')).toBe('a');
    expect(r.resolve({ 'Fn::Join': [',', { 'Fn::GetAZs': '' }] }, 'p')).toBe('us-east-1a,us-east-1b,us-east-1c');
  });

  it('fails if Fn::Select is out of range', () => {
    expect(() => resolver().resolve({ 'Fn::Select': [5, ['a']] }, 'X.Properties.P')).toThrow(
      'X.Properties.P.Fn::Select: Fn::Select index 5 is out of range for a list of 1',
    );
  });

  it('evaluates Conditions with Fn::Equals, Fn::Not, Fn::And, Fn::Or and picks the Fn::If branch', () => {
    const r = resolver();
    expect([r.condition('IsProd', 'p'), r.condition('IsDev', 'p'), r.condition('DevInUsEast1', 'p'), r.condition('ProdOrUsEast1', 'p')]).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(r.resolve({ 'Fn::If': ['IsProd', 'big', { 'Fn::FindInMap': ['Sizes', { Ref: 'Stage' }, 'memory'] }] }, 'p')).toBe(256);
    expect(resolver({ Stage: 'prod' }).resolve({ 'Fn::If': ['IsProd', 'big', 'small'] }, 'p')).toBe('big');
    expect(r.resolve({ 'Fn::If': ['IsDev', { Ref: 'AWS::NoValue' }, 'x'] }, 'p')).toBe(NO_VALUE);
  });

  it('fails if a condition refers to itself', () => {
    expect(() => resolver().condition('Loop', 'p')).toThrow('condition Loop refers to itself');
  });

  it('uses parameter values given in the context over defaults, and splits list parameters', () => {
    const r = resolver({ Stage: 'qa', Required: 'yes' });
    expect(r.resolve({ Ref: 'Stage' }, 'p')).toBe('qa');
    expect(r.resolve({ Ref: 'Required' }, 'p')).toBe('yes');
    expect(r.resolve({ Ref: 'Zones' }, 'p')).toEqual(['a', 'b']);
  });

  it("gives CDK's BootstrapVersion SSM parameter a harmless value", () => {
    expect(resolver().resolve({ Ref: 'BootstrapVersion' }, 'p')).toBe('30');
  });

  it('fails if a parameter without default is referenced and not given', () => {
    expect(() => resolver().resolve({ Ref: 'Required' }, 'p')).toThrow(MissingParameterError);
    expect(() => resolver().resolve({ Ref: 'OtherSsm' }, 'p')).toThrow('parameter OtherSsm has no default');
  });

  it('fails if a resource whose condition is false is referenced', () => {
    expect(() => resolver().resolve({ Ref: 'ProdOnly' }, 'Fn.Properties.Env')).toThrow(
      'Fn.Properties.Env.Ref: reference to ProdOnly, whose condition IsProd is false',
    );
  });

  it('fails if GetAtt asks for an attribute the type does not have, naming it', () => {
    expect(() => resolver().resolve({ 'Fn::GetAtt': ['Queue', 'Nope'] }, 'p')).toThrow('AWS::SQS::Queue Queue has no attribute Nope');
    expect(() => resolver().resolve({ 'Fn::GetAtt': 'Queue.QueueName' }, 'p')).not.toThrow();
  });

  it('fails if a custom resource attribute is referenced: it only exists at deploy time', () => {
    expect(() => resolver().resolve({ 'Fn::GetAtt': ['Custom', 'Token'] }, 'p')).toThrow(
      'Custom.Token is returned by a custom resource (Custom::Thing) at deploy time and cannot be computed locally',
    );
  });

  it('fails if a name depends on itself', () => {
    expect(() => resolver().resolve({ Ref: 'SelfNamed' }, 'p')).toThrow('the name of SelfNamed depends on itself');
  });

  it('fails if Fn::ImportValue is used, with the fix', () => {
    expect(() => resolver().resolve({ 'Fn::ImportValue': 'Other-Export' }, 'p')).toThrow(
      /reads another stack's export; run a single self-contained stack locally/,
    );
  });

  it('fails if an unknown reference or intrinsic is used', () => {
    expect(() => resolver().resolve({ Ref: 'Missing' }, 'p')).toThrow(IntrinsicResolutionError);
    expect(() => resolver().resolve({ 'Fn::Cidr': ['10.0.0.0/16', 2, 8] }, 'p')).toThrow('Fn::Cidr is not supported by the local runtime');
  });

  it('fails if the template declares a transform', () => {
    expect(() => new TemplateResolver({ ...template, Transform: 'AWS::Serverless-2016-10-31' }, localContext('Shop'))).toThrow(TemplateError);
  });
});
