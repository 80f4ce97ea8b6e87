import { describe, expect, it } from 'vitest';
import { BundleNotFoundError, InvalidHandlerError, resolveHandler } from '../../../local/lambda/index.js';
import { fixtureDir } from '../../helpers/lambda/fixtures.js';

describe('resolveHandler', () => {
  it('finds a CommonJS .js bundle with no package.json in the task root', () => {
    const resolved = resolveHandler('fn', fixtureDir('env-echo'), 'index.handler');

    expect(resolved).toEqual({ file: `${fixtureDir('env-echo')}/index.js`, format: 'commonjs', exportPath: ['handler'] });
  });

  it('treats .js as an ES module only when a package.json inside the task root says so', () => {
    expect(resolveHandler('fn', fixtureDir('esm-package'), 'index.handler').format).toBe('module');
  });

  it('tries .mjs after .js', () => {
    expect(resolveHandler('fn', fixtureDir('clock-esm'), 'index.handler')).toMatchObject({ file: `${fixtureDir('clock-esm')}/index.mjs`, format: 'module' });
  });

  it('resolves a module in a subdirectory and a nested export path', () => {
    const resolved = resolveHandler('fn', fixtureDir('nested'), 'src/handlers/api.routes.get');

    expect(resolved).toEqual({ file: `${fixtureDir('nested')}/src/handlers/api.cjs`, format: 'commonjs', exportPath: ['routes', 'get'] });
  });

  it('fails if the handler has no export part', () => {
    expect(() => resolveHandler('verifier', fixtureDir('env-echo'), 'index')).toThrow(
      new InvalidHandlerError('verifier', 'index', 'is not of the form <file>.<export>'),
    );
  });

  it("fails if the handler climbs out of the task root with '..'", () => {
    expect(() => resolveHandler('verifier', fixtureDir('nested'), '../env-echo/index.handler')).toThrow(
      /handler "..\/env-echo\/index.handler" must not contain '..'/,
    );
  });

  it('fails if the module file is missing, naming the files tried and the fix', () => {
    expect(() => resolveHandler('verifier', fixtureDir('nested'), 'index.handler')).toThrow(BundleNotFoundError);
    expect(() => resolveHandler('verifier', fixtureDir('nested'), 'index.handler')).toThrow(
      `function verifier: asset directory ${fixtureDir('nested')} has no index.js, index.mjs, index.cjs for handler "index.handler": run \`npx cdk synth\` again to rebuild the bundle`,
    );
  });
});
