'use strict';
// Runs in a fresh `node` process (never tsx, so no loader sits between `require` and the bundle):
// times importing one bundle and its first invocation, as a Lambda cold start does, and reports
// over IPC. Usage: node [--enable-source-maps] cold-start-child.cjs <bundle.js> <invocation.json>
const { readFileSync } = require('node:fs');

const [bundlePath, invocationPath] = process.argv.slice(2);
const { event, context } = JSON.parse(readFileSync(invocationPath, 'utf8'));
const lambdaContext = { ...context, getRemainingTimeInMillis: () => 10_000 };

const t0 = process.hrtime.bigint();
const mod = require(bundlePath);
const t1 = process.hrtime.bigint();
Promise.resolve()
  .then(() => mod.handler(event, lambdaContext))
  .then(
    (result) => ({ ok: true, result }),
    (error) => ({ ok: false, error: String(error && error.stack ? error.stack : error) }),
  )
  .then((outcome) => {
    const t2 = process.hrtime.bigint();
    process.send({ ...outcome, importMs: Number(t1 - t0) / 1e6, invokeMs: Number(t2 - t1) / 1e6 }, () => process.exit(0));
  });
