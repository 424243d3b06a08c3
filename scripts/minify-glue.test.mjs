// Tests of scripts/minify-glue.mjs on a small hand-assembled module:
//   node --test scripts/minify-glue.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renameImports, shortName } from './minify-glue.mjs';

const name = (text) => [text.length, ...Buffer.from(text)];
/// A module importing two functions from `./g.js`, a memory from `env` and
/// a function from `env`, then an empty custom section.
const imports = [
  4,
  ...name('./g.js'), ...name('__wbg_f_0123456789abcdef'), 0, 0,
  ...name('./g.js'), ...name('__wbg_g_fedcba9876543210'), 0, 0,
  ...name('env'), ...name('mem'), 2, 0, 1,
  ...name('env'), ...name('h'), 0, 0,
];
const wasm = Uint8Array.from([
  0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
  1, 4, 1, 0x60, 0, 0, // type section: () -> ()
  2, imports.length, ...imports,
  0, 2, ...name('x'),
]);

test('renames the imports of one module only, and keeps the module valid', async () => {
  const short = { __wbg_f_0123456789abcdef: 'a', __wbg_g_fedcba9876543210: 'b' };
  const { wasm: out, names } = renameImports(wasm, './g.js', (old) => short[old]);
  assert.deepEqual(names, Object.keys(short));
  const imports = WebAssembly.Module.imports(await WebAssembly.compile(out));
  assert.deepEqual(imports.map((i) => `${i.module} ${i.name}`), ['./g.js a', './g.js b', 'env mem', 'env h']);
});

test('short names are distinct identifiers', () => {
  const names = Array.from({ length: 3000 }, (_, i) => shortName(i));
  assert.equal(new Set(names).size, names.length);
  assert.ok(names.every((n) => /^[A-Za-z]+$/.test(n)));
});
