#!/usr/bin/env node
// Throughput of the rewrite engine: compile 200,000 rules once, then rewrite addresses.
// Usage: npm run build && node bench/rewrite.js [rules=200000] [addresses=200000]
// (CNFLINT_DIST=/path/to/dist selects another build output directory.)
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const dist = process.env.CNFLINT_DIST ?? path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'dist');
const { compileRewriteConfig, rewriteAddress } = await import(pathToFileURL(path.join(dist, 'src', 'rewrite', 'index.js')).href);

const nRules = Number(process.argv[2] ?? 200_000);
const nAddr = Number(process.argv[3] ?? 200_000);

const rules = [];
for (let i = 0; i < nRules; i++) {
  switch (i % 4) {
    case 0: rules.push({ pattern: `host${i}.dom${i % 5000}.example`, template: '$U%$D@tcp_intranet-daemon', line: i + 1 }); break;
    case 1: rules.push({ pattern: `.dom${i}.example`, template: '$U%$H$D@tcp-daemon', line: i + 1 }); break;
    case 2: rules.push({ pattern: `*.sub${i}.example`, template: '$U%$&0.sub.example@tcp-daemon', line: i + 1 }); break;
    default: rules.push({ pattern: `vrf${i}.example`, template: '$U%$D@verify-daemon$Nverify', line: i + 1 });
      rules.push({ pattern: `vrf${i}.example`, template: '$U%$D@tcp-daemon', line: i + 1 });
  }
}
rules.push({ pattern: '.', template: '$U%$H@tcp-daemon' });
rules.push({ pattern: 'mail.example.org', template: '$U%mail.example.org@mail.example.org' });
const channels = [
  { name: 'l', officialHost: 'mail.example.org', hosts: [], keywords: [] },
  { name: 'tcp_local', officialHost: 'tcp-daemon', hosts: [], keywords: [] },
  { name: 'tcp_intranet', officialHost: 'tcp_intranet-daemon', hosts: [], keywords: [] },
  { name: 'verify', officialHost: 'verify-daemon', hosts: [], keywords: [] },
];

let t0 = performance.now();
const table = compileRewriteConfig({ rules, channels });
const compileMs = performance.now() - t0;

const addrs = [];
for (let i = 0; i < nAddr; i++) {
  const k = (i * 7919) % nRules;
  switch (i % 6) {
    case 0: addrs.push(`user${i}@host${k - (k % 4)}.dom${(k - (k % 4)) % 5000}.example`); break;
    case 1: addrs.push(`user${i}@a.b.dom${k - (k % 4) + 1}.example`); break;
    case 2: addrs.push(`user${i}@x.sub${k - (k % 4) + 2}.example`); break;
    case 3: addrs.push(`user${i}@vrf${k - (k % 4) + 3}.example`); break;
    case 4: addrs.push(`user${i}+tag@deep.sub.domain${i}.unknown.zz`); break;
    default: addrs.push(`user${i}%h${i}.dom${k - (k % 4) + 1}.example@mail.example.org`);
  }
}

// warm up (templates are compiled lazily on first use)
for (let i = 0; i < Math.min(20_000, addrs.length); i++) rewriteAddress(table, addrs[i]);
let errors = 0;
t0 = performance.now();
for (const a of addrs) if (rewriteAddress(table, a).error) errors++;
const ms = performance.now() - t0;
console.log(`rules: ${table.ruleCount}, compile: ${compileMs.toFixed(0)} ms`);
console.log(`addresses: ${addrs.length}, ${ms.toFixed(0)} ms, ${Math.round(addrs.length / (ms / 1000)).toLocaleString('en-US')} addresses/second, errors: ${errors}`);
