// Parse + model benchmark. Run by bench/run.js in a fresh process per measurement;
// prints one JSON line { ms, maxRssMiB }.
//   node bench/parse.js floor DIR   read imta.cnf and split it into lines (the floor)
//   node bench/parse.js model DIR   loadConfig(DIR): parse every file and build the model
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const [mode, dir] = process.argv.slice(2);
// Loading the library (module evaluation, building the parsers) is start-up, measured
// separately (bench/run.js's start-up rows); this measures reading the configuration.
// The parsers are built on first use, so an empty text of each grammar is parsed first:
// chevrotain's one-time grammar analysis (about 35 ms) is then not counted twice.
const lib = mode === 'model' ? await import('../dist/src/index.js') : undefined;
if (lib) for (const kind of ['imta.cnf', 'job_controller.cnf']) lib.parse('', kind);
const loadConfig = lib?.loadConfig;
const t0 = performance.now();
let sink = 0;
if (mode === 'floor') {
  for (const f of ['imta.cnf', 'job_controller.cnf']) sink += fs.readFileSync(path.join(dir, f), 'utf8').split('\n').length;
} else if (mode === 'model') {
  const m = loadConfig(dir);
  sink += m.rules.length + m.channels.length;
} else {
  throw new Error(`unknown mode ${mode}`);
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, sink }));
