#!/usr/bin/env node
// Trunk's post_build hook (Trunk.toml): makes the release's wasm-bindgen
// module and the wasm's imports from it small.
//
//   node scripts/minify-glue.mjs [DIR]   (DIR: $TRUNK_STAGING_DIR)
//
// 1. wasm-bindgen names each import after its Rust function and a 16-digit
//    hash (`__wbg_append_3f4c…`), written twice, once in each file: random
//    digits gzip does not shrink. They get short names (a, b, …), in the
//    wasm and in the module alike; they are only keys of the module's
//    import object, so nothing else changes.
// 2. The module is minified by terser (Trunk's own minifier cannot read it).
// The index.html's integrity hashes of the two files are written again.
// Any shape it does not expect fails the build (docs/decisions.md).

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

/// `wasm` with its imports from `module` renamed by `rename` (old name →
/// new name, or undefined to keep it), and the old names in order.
export function renameImports(wasm, module, rename) {
  const out = [wasm.subarray(0, 8)];
  const names = [];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb(wasm, at + 1);
    const end = body + size;
    if (id === 2) {
      const section = importSection(wasm.subarray(body, end), module, rename, names);
      out.push(Uint8Array.of(2), uleb(section.length), section);
    } else {
      out.push(wasm.subarray(at, end));
    }
    at = end;
  }
  return { wasm: Buffer.concat(out), names };
}

function importSection(bytes, module, rename, names) {
  const out = [];
  let [count, at] = leb(bytes, 0);
  out.push(uleb(count));
  for (; count > 0; count--) {
    const [moduleName, afterModule] = name(bytes, at);
    const [field, afterField] = name(bytes, afterModule);
    // The import's kind and description are copied as they are: only a
    // function (kind 0, one type index) may be renamed.
    const kind = bytes[afterField];
    if (kind !== 0 && moduleName === module) throw new Error(`import ${field}: not a function`);
    const end = kind === 0 ? leb(bytes, afterField + 1)[1] : describedEnd(bytes, afterField);
    let newField = field;
    if (moduleName === module) {
      names.push(field);
      newField = rename(field) ?? field;
    }
    out.push(bytes.subarray(at, afterModule), encodeName(newField), bytes.subarray(afterField, end));
    at = end;
  }
  if (at !== bytes.length) throw new Error('import section: unexpected bytes after the imports');
  return Buffer.concat(out);
}

/// Where an import other than a function ends: table (ref type + limits),
/// memory (limits) or global (value type + mutability).
function describedEnd(bytes, at) {
  const kind = bytes[at];
  const limits = (p) => {
    const flags = bytes[p];
    let next = leb(bytes, p + 1)[1];
    if (flags & 1) next = leb(bytes, next)[1];
    return next;
  };
  if (kind === 1) return limits(at + 2);
  if (kind === 2) return limits(at + 1);
  if (kind === 3) return at + 3;
  throw new Error(`import kind ${kind}: unknown`);
}

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

function uleb(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return Uint8Array.from(out);
}

function name(bytes, at) {
  const [length, start] = leb(bytes, at);
  return [Buffer.from(bytes.subarray(start, start + length)).toString('utf8'), start + length];
}

function encodeName(text) {
  const utf8 = Buffer.from(text, 'utf8');
  return Buffer.concat([uleb(utf8.length), utf8]);
}

/// The n-th short name: a, b, …, Z, aa, ba, …
export function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let out = '';
  do {
    out += letters[n % letters.length];
    n = Math.floor(n / letters.length);
  } while (n > 0);
  return out;
}

/// Minifies the wasm-bindgen module in `dir` and the wasm's imports from it.
export async function minifyGlue(dir) {
  const files = readdirSync(dir);
  const js = files.filter((f) => /^mask-map-[0-9a-f]+\.js$/.test(f));
  if (js.length !== 1) throw new Error(`${dir}: expected one mask-map-*.js, found ${js.length}`);
  const wasmFile = js[0].replace(/\.js$/, '_bg.wasm');
  const module = './mask-map_bg.js';
  let glue = readFileSync(join(dir, js[0]), 'utf8');
  const wasm = readFileSync(join(dir, wasmFile));

  const { names } = renameImports(wasm, module, () => undefined);
  if (names.length === 0) throw new Error(`${wasmFile}: no imports from ${module}: has wasm-bindgen renamed its module?`);
  const short = new Map(names.map((old, i) => [old, shortName(i)]));
  for (const [old, replacement] of short) {
    // Each import is one key of the import object, `name: function(…)`.
    const key = new RegExp(`^(\\s+)${old}: function\\(`, 'gm');
    const found = glue.match(key)?.length ?? 0;
    if (found !== 1 || glue.split(old).length !== 2) {
      throw new Error(`${js[0]}: import ${old} is not one key of the import object`);
    }
    glue = glue.replace(key, `$1${replacement}: function(`);
  }
  const renamed = renameImports(wasm, module, (old) => short.get(old)).wasm;
  // Its exports keep their names: the app's start (public/boot.js) and the
  // benchmarks call them.
  glue = (await minify(glue, { module: true, compress: { passes: 2 }, mangle: true })).code;
  writeFileSync(join(dir, js[0]), glue);
  writeFileSync(join(dir, wasmFile), renamed);

  // The page's preloads name the files by their content's hash.
  const index = join(dir, 'index.html');
  let html = readFileSync(index, 'utf8');
  for (const [file, content] of [[js[0], glue], [wasmFile, renamed]]) {
    const integrity = `sha384-${createHash('sha384').update(content).digest('base64')}`;
    const tag = new RegExp(`(href="[^"]*${file}"[^>]*integrity=")[^"]*(")`, 'g');
    // A hash left as it was would make the browser refuse the new file.
    if (html.match(tag)?.length !== 1) throw new Error(`index.html: not one integrity attribute for ${file}`);
    html = html.replace(tag, `$1${integrity}$2`);
  }
  writeFileSync(index, html);
  return names.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('usage: node scripts/minify-glue.mjs DIR (or TRUNK_STAGING_DIR)');
  console.log(`minify-glue: ${await minifyGlue(dir)} imports renamed, module minified`);
}
