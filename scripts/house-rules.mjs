#!/usr/bin/env node
// The house rules (docs/architecture.md) that a reviewer would otherwise
// check by eye, checked over src/: it prints every breach with the file that
// commits it and exits non-zero if there is any.
//
//   node scripts/house-rules.mjs [ROOT]
//
// 1. No file under src/ is over MAX_LINES lines.
// 2. No import cycle between top-level modules (src/x.rs or src/x/): a
//    reference is `crate::x` (in `use` lines or paths, grouped imports
//    included) or `super::` reaching the crate root; comments and strings
//    are not read.
// 3. src/map/ never imports crate::ui (what the map needs is passed in).
// 4. Pure modules import no browser crate.

import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAX_LINES = 450;

/// Crates that only work in a browser (or are the UI framework).
const BROWSER_CRATE = /^(leptos(_\w+)?|leaflet|web_sys|js_sys|wasm_bindgen(_futures)?|gloo(_\w+)?)$/;

/// Browser glue: files that may use browser crates. Everything else is pure.
const BROWSER_GLUE = [/^src\/(app|main|bench|state|timers)\.rs$/, /^src\/ui\//, /^src\/feed\/fetch(\.rs$|\/)/, /^src\/map\//];
/// Files under a browser directory that are pure all the same (the map's
/// marker appearance is plain data, tested natively).
const PURE_IN_BROWSER_DIRS = [/^src\/map\/appearance(\.rs$|\/)/];

export function isPure(file) {
  if (PURE_IN_BROWSER_DIRS.some((re) => re.test(file))) return true;
  return !BROWSER_GLUE.some((re) => re.test(file));
}

/// `source` with comments, string and char literals blanked out (newlines
/// kept), so that only code is searched.
export function codeOnly(source) {
  const s = Array.from(source);
  const out = [];
  let i = 0;
  const blank = (c) => (c === '\n' ? '\n' : ' ');
  while (i < s.length) {
    const c = s[i];
    const next = s[i + 1];
    if (c === '/' && next === '/') {
      while (i < s.length && s[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      let depth = 0;
      do {
        if (s[i] === '/' && s[i + 1] === '*') { depth++; out.push('  '); i += 2; }
        else if (s[i] === '*' && s[i + 1] === '/') { depth--; out.push('  '); i += 2; }
        else { out.push(blank(s[i])); i++; }
      } while (i < s.length && depth > 0);
    } else if (c === 'r' && (next === '"' || next === '#') && !/[\w]/.test(s[i - 1] ?? '')) {
      // A raw string r"…" or r#"…"#, if that is what follows.
      let j = i + 1;
      let hashes = 0;
      while (s[j] === '#') { hashes++; j++; }
      if (s[j] !== '"') { out.push(c); i++; continue; }
      const close = '"' + '#'.repeat(hashes);
      j++;
      while (j < s.length && s.slice(j, j + close.length).join('') !== close) { out.push(blank(s[j])); j++; }
      i = j + close.length;
      out.push('""');
    } else if (c === '"') {
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\') { out.push(' '); i++; }
        out.push(blank(s[i] ?? ''));
        i++;
      }
      i++;
      out.push('""');
    } else if (c === "'") {
      // A char literal ('x', '\n', '\u{feff}'), or else a lifetime.
      if (next === '\\') {
        let j = i + 2;
        while (j < s.length && s[j] !== "'") j++;
        i = j + 1;
        out.push("' '");
      } else if (s[i + 2] === "'") {
        i += 3;
        out.push("' '");
      } else {
        out.push(c);
        i++;
      }
    } else {
      out.push(c);
      i++;
    }
  }
  return out.join('');
}

/// The module path of a file: src/a/b.rs → [a, b]; src/a/mod.rs → [a];
/// src/lib.rs and src/main.rs → [] (the crate roots).
export function modulePath(file) {
  const parts = file.replace(/^src\//, '').replace(/\.rs$/, '').split('/');
  if (parts.length === 1 && (parts[0] === 'lib' || parts[0] === 'main')) return [];
  if (parts[parts.length - 1] === 'mod') parts.pop();
  return parts;
}

/// The top-level names `code` refers to from the crate root: `crate::x`,
/// `crate::{x, y::z}`, and `super::…::x` that climbs to the root.
export function rootReferences(code, path) {
  const names = new Set();
  for (const m of code.matchAll(/\bcrate\s*::\s*(\w+|\{)/g)) {
    if (m[1] !== '{') {
      names.add(m[1]);
      continue;
    }
    // A group: the first name of each comma-separated entry at depth 1.
    let depth = 0;
    let entry = '';
    for (let i = m.index + m[0].length - 1; i < code.length; i++) {
      const c = code[i];
      if (c === '{') {
        depth++;
        if (depth === 1) continue;
      }
      if (c === '}') depth--;
      if (depth === 0 || (depth === 1 && c === ',')) {
        const name = entry.trim().match(/^\w+/);
        if (name) names.add(name[0]);
        entry = '';
        if (depth === 0) break;
        continue;
      }
      entry += c;
    }
  }
  for (const m of code.matchAll(/\b((?:super\s*::\s*)+)(\w+)/g)) {
    const ups = (m[1].match(/super/g) ?? []).length;
    if (ups === path.length) names.add(m[2]);
  }
  return names;
}

/// The crates a file names: `use x::…`, `x::…` in paths, `extern crate x`.
export function cratesNamed(code) {
  const crates = new Set();
  for (const m of code.matchAll(/(?<![\w:])(\w+)\s*::/g)) crates.add(m[1]);
  for (const m of code.matchAll(/\buse\s+(\w+)\s*;/g)) crates.add(m[1]);
  for (const m of code.matchAll(/\bextern\s+crate\s+(\w+)/g)) crates.add(m[1]);
  return crates;
}

function rustFiles(dir, root) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files.push(...rustFiles(full, root));
    else if (name.endsWith('.rs')) files.push(relative(root, full).split(sep).join('/'));
  }
  return files;
}

/// Strongly connected components of more than one module (Tarjan).
function cycles(graph) {
  let index = 0;
  const stack = [];
  const info = new Map();
  const found = [];
  const visit = (v) => {
    info.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!info.has(w)) {
        visit(w);
        info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
      } else if (info.get(w).onStack) {
        info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
      }
    }
    if (info.get(v).low === info.get(v).index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        info.get(w).onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!info.has(v)) visit(v);
  return found;
}

/// Every breach of the house rules under `root`/src, as messages.
export function check(root) {
  const problems = [];
  const files = rustFiles(join(root, 'src'), root);
  const topLevel = new Set(
    readdirSync(join(root, 'src'))
      .map((name) => name.replace(/\.rs$/, ''))
      .filter((name) => name !== 'lib' && name !== 'main'),
  );
  // module → imported module → the files that import it
  const graph = new Map();
  for (const file of files) {
    const source = readFileSync(join(root, file), 'utf8');
    const lines = source.split('\n').length - (source.endsWith('\n') ? 1 : 0);
    if (lines > MAX_LINES) {
      problems.push(`${file}: ${lines} lines, over the limit of ${MAX_LINES}: split it by job`);
    }
    const code = codeOnly(source);
    const path = modulePath(file);
    const from = path[0];
    for (const to of rootReferences(code, path)) {
      if (!topLevel.has(to) || to === from || from === undefined) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      const edges = graph.get(from);
      if (!edges.has(to)) edges.set(to, []);
      edges.get(to).push(file);
      if (from === 'map' && to === 'ui') {
        problems.push(`${file}: the map imports crate::ui; pass what it needs in instead`);
      }
    }
    if (isPure(file)) {
      const browser = [...cratesNamed(code)].filter((c) => BROWSER_CRATE.test(c));
      if (browser.length > 0) {
        problems.push(
          `${file}: a pure module uses browser crates (${browser.sort().join(', ')}); move that code to the browser glue`,
        );
      }
    }
  }
  for (const component of cycles(graph)) {
    const members = new Set(component);
    const edges = [];
    for (const from of component) {
      for (const [to, importers] of graph.get(from) ?? []) {
        if (members.has(to)) edges.push(`${from} → ${to} (${importers.join(', ')})`);
      }
    }
    problems.push(`import cycle between top-level modules ${component.join(', ')}: ${edges.join('; ')}`);
  }
  return { files: files.length, problems };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? join(fileURLToPath(import.meta.url), '../..');
  if (!existsSync(join(root, 'src'))) {
    console.error(`house rules: no src/ under ${root}`);
    process.exit(2);
  }
  const { files, problems } = check(root);
  for (const problem of problems) console.error(`house rules: ${problem}`);
  if (problems.length > 0) {
    console.error(`house rules: ${problems.length} breach(es) in ${files} files under src/`);
    process.exit(1);
  }
  console.log(`house rules: ok (${files} files under src/)`);
}
