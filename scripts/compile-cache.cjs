/**
 * Runs the TypeScript sources as JavaScript compiled once and kept in .cache/ts/, so a start loads
 * no compiler and no loader thread (`npm start` = `node --require ./scripts/compile-cache.cjs
 * src/index.ts`). Each .ts file is transformed on its own (tsconfig sets isolatedModules) by the
 * esbuild that tsx ships, with tsx's settings, the first time it is required or after it changed:
 * the cache file's name is a hash of the file's text, the esbuild version, these settings and
 * tsconfig.json. Files keep their own path, so `__dirname` and stack traces name the .ts file
 * (line numbers are the JavaScript's; NODE_OPTIONS=--enable-source-maps maps them back).
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const CACHE_DIR = process.env.HUIBOT_COMPILE_CACHE_DIR || path.join(ROOT, '.cache', 'ts');
const TSCONFIG = fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8');
// tsx's own esbuild (node_modules/esbuild may be an older one that another package wants).
const ESBUILD_DIR = path.dirname(require.resolve('esbuild/package.json', { paths: [path.dirname(require.resolve('tsx/package.json'))] }));
const ESBUILD_VERSION = JSON.parse(fs.readFileSync(path.join(ESBUILD_DIR, 'package.json'), 'utf8')).version;

/** tsx's transform for CommonJS; import() becomes require() so lazily loaded .ts modules go through this hook too. */
const OPTIONS = {
  loader: 'ts',
  format: 'cjs',
  platform: 'node',
  target: `node${process.versions.node}`,
  keepNames: true,
  sourcemap: 'external',
  supported: { 'dynamic-import': false },
  tsconfigRaw: TSCONFIG,
};
const SETTINGS = JSON.stringify([ESBUILD_VERSION, OPTIONS, 1]);

/** Loaded on the first cache miss only: a start from a warm cache never spawns esbuild. */
let esbuild;

function compile(source, filename) {
  esbuild ??= require(ESBUILD_DIR);
  const out = esbuild.transformSync(source, { ...OPTIONS, sourcefile: filename });
  return { code: out.code, map: out.map };
}

/** Writes atomically: servers started side by side (tests) may compile the same file at once. */
function writeAtomically(file, text) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** The JavaScript of a .ts file: from the cache, or compiled and stored. */
function javascriptOf(filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha1').update(SETTINGS).update('\0').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(CACHE_DIR, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // not compiled yet
  }
  const { code, map } = compile(source, filename);
  const withMap = `${code}//# sourceMappingURL=${require('node:url').pathToFileURL(`${cached}.map`).href}\n`;
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    writeAtomically(`${cached}.map`, map);
    writeAtomically(cached, withMap);
  } catch {
    // A read-only checkout still runs, compiling at every start.
  }
  return withMap;
}

require.extensions['.ts'] = function loadTypeScript(module, filename) {
  module._compile(javascriptOf(filename), filename);
};

module.exports = { javascriptOf, CACHE_DIR };
