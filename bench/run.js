// `npm run bench`: every benchmark, each measurement in a fresh process, ratios taken
// within this one run (the machines are shared and noisy; absolute times mean little).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateConfig } from './generate.js';
import { median, runJson } from './util.js';

const DIR = 'bench/out/big';
if (!fs.existsSync(path.join(DIR, 'imta.cnf'))) generateConfig(DIR);
const size = fs.statSync(path.join(DIR, 'imta.cnf')).size;

/** Wall time of one run of a command, in ms. */
function once(cmd, args) {
  const t0 = process.hrtime.bigint();
  spawnSync(cmd, args, { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * Median wall times of several commands, run in turns (A B C A B C ...) so that a change in
 * the machine's load while measuring weighs on all of them alike.
 */
function wallInTurns(commands, n = 15) {
  const times = commands.map(() => []);
  for (let i = 0; i < n; i++) commands.forEach(([cmd, args], k) => times[k].push(once(cmd, args)));
  return times.map(median);
}

const rows = [];
// Floor and model in turns, nine of each (see wallInTurns): on a shared machine five
// left the median at the mercy of one or two disturbed runs.
const turns = { floor: [], model: [] };
for (let i = 0; i < 9; i++) for (const mode of ['floor', 'model']) turns[mode].push(runJson(['bench/parse.js', mode, DIR]));
const summary = (runs) => ({ ms: median(runs.map((r) => r.ms)), maxRssMiB: Math.max(...runs.map((r) => r.maxRssMiB)) });
const floor = summary(turns.floor);
const model = summary(turns.model);
rows.push(['read + split lines (floor)', floor.ms, floor.maxRssMiB, 1]);
rows.push(['parse + model (loadConfig)', model.ms, model.maxRssMiB, model.ms / floor.ms]);

const extra = [];
for (const script of ['bench/lint.js', 'bench/rewrite.js']) {
  if (fs.existsSync(script)) extra.push(script);
}

const startCommands = [
  ['cnflint examples/siroe', 'bin/cnflint.js', ['examples/siroe']],
  ['cnftest --help', 'bin/cnftest.js', ['--help']],
  ['cnfmod --help', 'bin/cnfmod.js', ['--help']],
].filter(([, bin]) => fs.existsSync(bin));
const [nodeStart, ...cliStarts] = wallInTurns([[process.execPath, ['-e', '0']], ...startCommands.map(([, bin, args]) => [process.execPath, [bin, ...args]])]);
const startRows = [['node -e 0', nodeStart, 1], ...startCommands.map(([name], k) => [name, cliStarts[k], cliStarts[k] / nodeStart])];

console.log(`synthetic imta.cnf: ${(size / 1e6).toFixed(1)} MB, 200,000 rewrite rules, 5,000 channel blocks (${DIR})\n`);
console.log('| measurement | median ms | peak RSS MiB | ratio to floor |');
console.log('|---|---:|---:|---:|');
for (const [name, ms, rss, ratio] of rows) console.log(`| ${name} | ${ms.toFixed(0)} | ${rss.toFixed(0)} | ${ratio.toFixed(1)}x |`);
console.log('\n| start-up | median ms | ratio to node -e 0 |');
console.log('|---|---:|---:|');
for (const [name, ms, ratio] of startRows) console.log(`| ${name} | ${ms.toFixed(0)} | ${ratio.toFixed(2)}x |`);

for (const script of extra) {
  console.log('');
  // (bench/lint.js takes this run's floor, so that its ratio is to the same figure)
  const args = script === 'bench/lint.js' ? [script, DIR, String(floor.ms)] : [script, DIR];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(r.stdout);
}
