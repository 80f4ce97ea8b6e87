import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { HANDLER_EXTENSIONS } from './constants.js';
import { BundleNotFoundError, InvalidHandlerError } from './errors.js';
import type { ResolvedHandler } from './types.js';

/** `module.function` split as the Node.js runtime interface client splits it: at the first dot of the base name. */
const FUNCTION_EXPR = /^([^.]*)\.(.*)$/;

/**
 * Finds the file and export a handler string names inside an asset directory, the way the AWS
 * Lambda Node.js runtime does: the module part (which may contain `/`) gets `.js`, `.mjs`, `.cjs`
 * tried in that order; a `.js` file is an ES module only if a `package.json` between it and the
 * task root says `"type": "module"` — nothing above the task root counts, as on Lambda where
 * `/var/task` has no parent package.
 *
 * @see https://github.com/aws/aws-lambda-nodejs-runtime-interface-client/blob/main/src/UserFunction.js
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html
 * @throws BundleNotFoundError when the directory or the file is missing
 * @throws InvalidHandlerError when the handler string is malformed
 */
export function resolveHandler(functionName: string, assetDir: string, handler: string): ResolvedHandler {
  const taskRoot = path.resolve(assetDir);
  const baseName = path.basename(handler);
  const moduleRoot = handler.slice(0, handler.length - baseName.length);
  const match = FUNCTION_EXPR.exec(baseName);
  if (!match || match[1] === '' || match[2] === '') {
    throw new InvalidHandlerError(functionName, handler, 'is not of the form <file>.<export>');
  }
  if (handler.includes('..')) {
    throw new InvalidHandlerError(functionName, handler, "must not contain '..'");
  }
  const [, moduleName, functionPath] = match as unknown as [string, string, string];
  if (!existsSync(taskRoot) || !statSync(taskRoot).isDirectory()) {
    throw new BundleNotFoundError(functionName, assetDir, handler, `asset directory ${assetDir} does not exist`);
  }
  const stem = path.join(taskRoot, moduleRoot, moduleName);
  for (const extension of HANDLER_EXTENSIONS) {
    const file = stem + extension;
    if (existsSync(file) && statSync(file).isFile()) {
      return { file, format: formatOf(file, taskRoot), exportPath: functionPath.split('.') };
    }
  }
  const tried = HANDLER_EXTENSIONS.map((extension) => path.join(moduleRoot, moduleName) + extension).join(', ');
  throw new BundleNotFoundError(
    functionName,
    assetDir,
    handler,
    `asset directory ${assetDir} has no ${tried} for handler "${handler}"`,
  );
}

/** The module format Lambda would give `file`, looking for package.json files only inside the task root. */
export function formatOf(file: string, taskRoot: string): ResolvedHandler['format'] {
  if (file.endsWith('.mjs')) return 'module';
  if (file.endsWith('.cjs')) return 'commonjs';
  return packageTypeWithin(path.dirname(file), taskRoot) === 'module' ? 'module' : 'commonjs';
}

/** `type` of the nearest package.json from `dir` up to `taskRoot` (inclusive), or undefined if none. */
function packageTypeWithin(dir: string, taskRoot: string): string | undefined {
  let current = dir;
  for (;;) {
    const manifest = path.join(current, 'package.json');
    if (existsSync(manifest)) {
      try {
        const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown };
        return typeof parsed.type === 'string' ? parsed.type : 'commonjs';
      } catch {
        return 'commonjs';
      }
    }
    if (current === taskRoot || path.dirname(current) === current) return undefined;
    current = path.dirname(current);
  }
}
