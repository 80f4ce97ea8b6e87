#!/usr/bin/env node
// The default app (`cdk.json`: `npx tsx bin/app.ts`). Everything lives in default-app.ts so that
// tests synthesize exactly what deploys.
import { createDefaultApp } from './default-app.js';

createDefaultApp().app.synth();
