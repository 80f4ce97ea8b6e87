import { describe, expect, it } from 'vitest';
import { EventPattern, InvalidEventPatternError } from '../../../../../local/services/eventbridge/pattern/index.js';

/**
 * Examples from the EventBridge user guide ("Creating event patterns", "Comparison operators",
 * "Arrays", "Null values and empty strings"). The API reference's TestEventPattern page carries no
 * request/response example, so there is nothing to copy from it.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-arrays.html
 */
const ec2Event = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated' },
};

function withDetail(detail: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...ec2Event, ...extra, detail };
}

const cases: Array<[name: string, pattern: object, event: Record<string, unknown>, matches: boolean]> = [
  ['source + detail-type + detail.state', { source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'], detail: { state: ['terminated'] } }, ec2Event, true],
  ['prefix on time', { time: [{ prefix: '2017-12-22' }] }, ec2Event, true],
  ['prefix on time, other day', { time: [{ prefix: '2017-10-02' }] }, ec2Event, false],
  ['prefix equals-ignore-case "EventB"', { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } }, withDetail({ service: 'eventbridge' }), true],
  ['suffix ".png"', { FileName: [{ suffix: '.png' }] }, { ...ec2Event, FileName: 'image.png' }, true],
  ['suffix equals-ignore-case ".png" on ".PNG"', { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } }, withDetail({ FileName: 'IMAGE.PNG' }), true],
  ['anything-but string', { detail: { state: [{ 'anything-but': 'initializing' }] } }, ec2Event, true],
  ['anything-but string, excluded value', { detail: { state: [{ 'anything-but': 'terminated' }] } }, ec2Event, false],
  ['anything-but number', { detail: { 'x-limit': [{ 'anything-but': 123 }] } }, withDetail({ 'x-limit': 124 }), true],
  ['anything-but list of strings', { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } }, withDetail({ state: 'stopped' }), false],
  ['anything-but list of numbers', { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } }, withDetail({ 'x-limit': 150 }), true],
  ['anything-but prefix "init"', { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } }, withDetail({ state: 'initializing' }), false],
  ['anything-but suffix ".png"', { detail: { FileName: [{ 'anything-but': { suffix: '.png' } }] } }, withDetail({ FileName: 'a.jpg' }), true],
  ['anything-but equals-ignore-case', { detail: { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] } }, withDetail({ state: 'INITIALIZING' }), false],
  ['anything-but wildcard "*/lib/*"', { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } }, withDetail({ FilePath: '/usr/lib/x.so' }), false],
  ['numeric ranges (c-count, d-count, x-limit = 3.018e2)', { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }], 'd-count': [{ numeric: ['<', 10] }], 'x-limit': [{ numeric: ['=', 3.018e2] }] } }, withDetail({ 'c-count': 5, 'd-count': 9, 'x-limit': 301.8 }), true],
  ['cidr 10.0.0.0/24', { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } }, withDetail({ sourceIPAddress: '10.0.0.24' }), true],
  ['cidr 10.0.0.0/24, outside', { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } }, withDetail({ sourceIPAddress: '10.0.1.24' }), false],
  ['exists false, field absent', { detail: { 'c-count': [{ exists: false }] } }, ec2Event, true],
  ['exists false, field is an object (not a leaf)', { detail: { 'c-count': [{ exists: false }] } }, withDetail({ 'c-count': { c1: 100 } }), true],
  ['exists true, field present', { detail: { state: [{ exists: true }] } }, ec2Event, true],
  ['equals-ignore-case "alice"', { Name: [{ 'equals-ignore-case': 'alice' }] }, { ...ec2Event, Name: 'Alice' }, true],
  ['wildcard "dir/*.png"', { detail: { FilePath: [{ wildcard: 'dir/*.png' }] } }, withDetail({ FilePath: 'dir/a.png' }), true],
  ['empty string', { LastName: [''] }, { ...ec2Event, LastName: '' }, true],
  ['null value', { detail: { responseElements: [null] } }, withDetail({ responseElements: null }), true],
  ['null does not match an absent field', { detail: { responseElements: [null] } }, ec2Event, false],
  ['array in event: intersection not empty', { resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f', 'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f'] }, { ...ec2Event, resources: ['arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:x', 'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f'] }, true],
  ['$or across fields', { $or: [{ 'c-count': [{ numeric: ['>', 0, '<=', 5] }] }, { 'd-count': [{ numeric: ['<', 10] }] }] }, { ...ec2Event, 'd-count': 3 }, true],
  ['complex example (prefix, anything-but, numeric)', { time: [{ prefix: '2017-12-22' }], detail: { state: [{ 'anything-but': 'initializing' }], 'c-count': [{ numeric: ['>', 0, '<=', 5] }], 'd-count': [{ numeric: ['<', 10] }], 'x-limit': [{ 'anything-but': [100, 200, 300] }] } }, withDetail({ state: 'running', 'c-count': 1, 'd-count': 2, 'x-limit': 301 }), true],
  // Docs silent: whether exists:true holds for a null value. event-ruler treats null as a present leaf.
  ['docs silent: exists true on a null value (event-ruler: present)', { detail: { v: [{ exists: true }] } }, withDetail({ v: null }), true],
  // Docs silent: an empty array has no leaf values; event-ruler sees no field at all.
  ['docs silent: exists false on an empty array (event-ruler: absent)', { detail: { ids: [{ exists: false }] } }, withDetail({ ids: [] }), true],
  // Docs silent: anything-but prefix against a number; event-ruler compares serialized bytes, so a number is not excluded.
  ['docs silent: anything-but prefix on a number (not excluded)', { detail: { n: [{ 'anything-but': { prefix: '1' } }] } }, withDetail({ n: 12 }), true],
  ['exact number matches another spelling of the same number', { detail: { n: [300] } }, withDetail({ n: 300.0 }), true],
  ['string "5" does not match number 5', { detail: { n: [5] } }, withDetail({ n: '5' }), false],
  ['numeric does not match a string', { detail: { n: [{ numeric: ['>', 0] }] } }, withDetail({ n: '5' }), false],
  ['cidr IPv6', { detail: { ip: [{ cidr: '2001:db8::/32' }] } }, withDetail({ ip: '2001:DB8:0:0:0:0:0:1' }), true],
];

describe('user guide examples', () => {
  it.each(cases)('%s', (_name, pattern, event, expected) => {
    expect(EventPattern.compile(pattern).matches(event)).toBe(expected);
  });

  it.each([
    ['a value that is not a list', { source: 'aws.ec2' }],
    ['an empty list', { source: [] }],
    ['an anything-but list of booleans', { a: [{ 'anything-but': [true] }] }],
    ['numeric with a lower bound above the upper bound', { a: [{ numeric: ['>', 5, '<', 1] }] }],
    ['invalid JSON', '{"source": ['],
    ['a top-level array', ['aws.ec2']],
  ])('fails if the pattern has %s', (_name, pattern) => {
    const text = typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
    expect(() => EventPattern.compile(text)).toThrow(InvalidEventPatternError);
  });
});
