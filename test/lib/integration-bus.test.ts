import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { describe, expect, it } from 'vitest';
import { IntegrationBus } from '../../lib/integration-bus.js';
import { newStack } from '../helpers/cdk/stacks.js';

describe('IntegrationBus', () => {
  it('creates one custom event bus', () => {
    // GIVEN
    const { stack } = newStack();
    // WHEN
    new IntegrationBus(stack, 'Bus');
    // THEN
    Template.fromStack(stack).resourceCountIs('AWS::Events::EventBus', 1);
  });

  it('archives every event of the bus for 30 days by default', () => {
    const { stack } = newStack();
    new IntegrationBus(stack, 'Bus');
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Archive', {
      RetentionDays: 30,
      SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BusEventBus'), 'Arn'] },
      EventPattern: { account: [{ Ref: 'AWS::AccountId' }] },
    });
  });

  it('takes the archive retention as a prop', () => {
    const { stack } = newStack();
    const bus = new IntegrationBus(stack, 'Bus', { archiveRetention: Duration.days(90) });
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Archive', { RetentionDays: 90 });
    expect(bus.archiveRetentionDays).toBe(90);
  });

  it('creates no bus and no archive when one is brought', () => {
    const { stack } = newStack();
    const existing = EventBus.fromEventBusName(stack, 'Existing', 'their-bus');
    const bus = new IntegrationBus(stack, 'Bus', { existingEventBus: existing });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Events::EventBus', 0);
    template.resourceCountIs('AWS::Events::Archive', 0);
    expect(bus.eventBus).toBe(existing);
  });

  it('fails if archiveRetention exceeds 36500 days', () => {
    const { stack } = newStack();
    expect(() => new IntegrationBus(stack, 'Bus', { archiveRetention: Duration.days(40_000) })).toThrow(
      'archiveRetention (days) must be between 0 and 36500 (given 40000)',
    );
  });

  it('fails if both existingEventBus and eventBusName are given', () => {
    const { stack } = newStack();
    const existing = EventBus.fromEventBusName(stack, 'Existing', 'their-bus');
    expect(() => new IntegrationBus(stack, 'Bus', { existingEventBus: existing, eventBusName: 'mine' })).toThrow(
      'only one of existingEventBus, eventBusName may be set (given existingEventBus, eventBusName)',
    );
  });
});
