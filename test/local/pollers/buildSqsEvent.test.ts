import { describe, expect, it } from 'vitest';
import { buildSqsEvent, regionOfArn } from '../../../local/pollers/index.js';

describe('buildSqsEvent', () => {
  it("builds the records Lambda delivers from received messages", () => {
    // GIVEN a message received with its system and message attributes
    const queueArn = 'arn:aws:sqs:us-east-1:000000000000:orders';
    const message = {
      messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
      receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
      body: 'test',
      md5OfBody: '098f6bcd4621d373cade4e832627b4f6',
      md5OfMessageAttributes: '582c92c5c5b6ac403040a4f3ab3115c9',
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1545082649183',
        SenderId: 'AIDAIENQZJOLO23YVJ4VO',
        ApproximateFirstReceiveTimestamp: '1545082649185',
      },
      messageAttributes: {
        'req-id': { DataType: 'String', StringValue: '24479a02' },
        blob: { DataType: 'Binary', BinaryValue: Buffer.from('1100') },
      },
    };

    // WHEN the event is built
    const event = buildSqsEvent([message], queueArn, 'us-east-1');

    // THEN it has the shape of the AWS docs' example event
    expect(event).toEqual({
      Records: [
        {
          messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
          receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
          body: 'test',
          attributes: {
            ApproximateReceiveCount: '1',
            SentTimestamp: '1545082649183',
            SenderId: 'AIDAIENQZJOLO23YVJ4VO',
            ApproximateFirstReceiveTimestamp: '1545082649185',
          },
          messageAttributes: {
            'req-id': { stringValue: '24479a02', stringListValues: [], binaryListValues: [], dataType: 'String' },
            blob: { binaryValue: 'MTEwMA==', stringListValues: [], binaryListValues: [], dataType: 'Binary' },
          },
          md5OfBody: '098f6bcd4621d373cade4e832627b4f6',
          md5OfMessageAttributes: '582c92c5c5b6ac403040a4f3ab3115c9',
          eventSource: 'aws:sqs',
          eventSourceARN: queueArn,
          awsRegion: 'us-east-1',
        },
      ],
    });
  });

  it('reads the region of an ARN', () => {
    expect(regionOfArn('arn:aws:sqs:eu-west-1:000000000000:q')).toBe('eu-west-1');
    expect(regionOfArn('arn:aws:s3:::bucket')).toBeUndefined();
  });
});
