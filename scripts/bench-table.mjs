#!/usr/bin/env node
// Prints the rows the benchmarks recorded (scripts/bench-rows.mjs) as one
// Markdown table. Ratio = baseline / mask-map: above 1, mask-map is better.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const rows = readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const show = (value, unit) => {
  if (value == null || Number.isNaN(value)) return 'n/a';
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
};
console.log('| what | figure | mask-map | baseline | baseline is | baseline / mask-map |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  const ratio = r.ours > 0 && r.baseline > 0 ? `${(r.baseline / r.ours).toFixed(2)}×` : 'n/a';
  console.log(`| ${r.group} | ${r.figure} | ${show(r.ours, r.unit)} | ${show(r.baseline, r.unit)} | ${r.against} | ${ratio} |`);
}
