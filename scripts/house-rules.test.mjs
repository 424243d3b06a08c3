// Tests of scripts/house-rules.mjs on small made-up source trees:
//   node --test scripts/house-rules.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { check, MAX_LINES } from './house-rules.mjs';

/// The problems found in a tree of `files` (path → text).
function problems(files) {
  const root = mkdtempSync(join(tmpdir(), 'house-rules-'));
  try {
    for (const [path, text] of Object.entries({ 'src/lib.rs': '', ...files })) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return check(root).problems;
  } finally {
    rmSync(root, { recursive: true });
  }
}

test('a file over the line limit is named, one at the limit is not', () => {
  const lines = (n) => 'fn f() {}\n'.repeat(n);
  assert.deepEqual(problems({ 'src/a.rs': lines(MAX_LINES) }), []);
  const found = problems({ 'src/a/b.rs': lines(MAX_LINES + 1), 'src/a/mod.rs': 'mod b;\n' });
  assert.equal(found.length, 1);
  assert.match(found[0], /^src\/a\/b\.rs: 451 lines/);
});

test('an import cycle is found through grouped imports and super::', () => {
  const found = problems({
    'src/a/mod.rs': 'use crate::{c, b::X};\n',
    'src/b/mod.rs': 'mod inner;\n',
    'src/b/inner.rs': 'use super::super::a::Y;\n',
    'src/c.rs': '',
  });
  assert.equal(found.length, 1);
  assert.match(found[0], /cycle between top-level modules a, b: a → b \(src\/a\/mod\.rs\); b → a \(src\/b\/inner\.rs\)/);
});

test('comments, strings and char literals are not imports', () => {
  const found = problems({
    'src/a.rs': 'use crate::b;\n',
    'src/b.rs': [
      '// use crate::a;',
      '/* crate::a::x /* nested */ crate::a */',
      'const S: &str = "crate::a::y";',
      'const R: &str = r#"crate::a "quoted""#;',
      "const Q: char = '\"'; fn f<'a>(x: &'a str) {}",
      '',
    ].join('\n'),
  });
  assert.deepEqual(found, []);
});

test('one-way imports and super:: within a module are no cycle', () => {
  const found = problems({
    'src/a/mod.rs': 'mod x;\nuse crate::b::T;\n',
    'src/a/x.rs': 'use super::T;\n',
    'src/b.rs': 'pub struct T;\n',
  });
  assert.deepEqual(found, []);
});

test('the map may not import the ui', () => {
  const found = problems({ 'src/map/mod.rs': 'fn f() { crate::ui::taipei_now(); }\n', 'src/ui.rs': '' });
  assert.equal(found.length, 1);
  assert.match(found[0], /^src\/map\/mod\.rs: the map imports crate::ui/);
});

test('browser crates only in the browser glue', () => {
  const found = problems({
    'src/feed/mod.rs': 'mod fetch;\nuse web_sys::Window;\n',
    'src/feed/fetch/http.rs': 'use gloo_net::http::Request;\nuse js_sys::Promise;\n',
    'src/ui/mod.rs': 'use leptos::prelude::*;\n',
    'src/map/mod.rs': 'use leaflet::Map;\n',
    'src/map/appearance.rs': 'fn f() { wasm_bindgen::throw_str("no"); }\n',
    'src/rules.rs': 'use serde::Deserialize;\n',
  });
  assert.deepEqual(found.sort(), [
    'src/feed/mod.rs: a pure module uses browser crates (web_sys); move that code to the browser glue',
    'src/map/appearance.rs: a pure module uses browser crates (wasm_bindgen); move that code to the browser glue',
  ]);
});
