#!/usr/bin/env node
// Entry of the e2e fixture app for `cdk synth --app "npx tsx test/e2e/fixture-app/app.ts"` and
// `cdklocal deploy`; everything is in createFixtureApp.ts so tests can synthesize it in-process.
import { App } from 'aws-cdk-lib';
import { createFixtureApp } from './createFixtureApp.js';

const app = new App();
createFixtureApp(app);
app.synth();
