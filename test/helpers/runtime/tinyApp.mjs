// A tiny CDK app for `cdk synth` tests: one queue. Fails on purpose when TINY_APP_FAIL is set.
import { App, Stack } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';

if (process.env.TINY_APP_FAIL) throw new Error('tiny app failed on purpose');
const app = new App();
new Queue(new Stack(app, 'TinyApp'), 'Queue');
app.synth();
