#!/usr/bin/env node
// Entry of the soak fixture app for `cdk synth --app "npx tsx bench/soak/app/app.ts"`.
import { App } from 'aws-cdk-lib';
import { createSoakApp } from './createSoakApp.js';

const app = new App();
createSoakApp(app);
app.synth();
