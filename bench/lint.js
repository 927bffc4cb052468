// Lint benchmark: the whole cnflint CLI (spawned `node bin/cnflint.js`) on the synthetic
// 10 MB configuration, against the floor of reading and splitting the same files (start-up
// on examples/siroe is measured by bench/run.js, with the other CLIs). Every measurement
// runs in a fresh process; ratios are taken within this run (shared machines are noisy).
//
//   node bench/lint.js [DIR] [floor-ms]     (bench/run.js passes its own floor measurement)
//
// Needs the built CLI (`npm run build`; bin/cnflint.js also uses dist/bundle/ when fresh).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateConfig } from './generate.js';
import { median } from './util.js';

const DIR = process.argv[2] ?? 'bench/out/big';
const BIN = 'bin/cnflint.js';
if (!fs.existsSync('dist/src/cli/cnflint.js') && !fs.existsSync('dist/bundle/cnflint.cjs')) {
  console.error('bench/lint.js: the CLI is not built; run `npm run build` first');
  process.exit(2);
}
if (!fs.existsSync(path.join(DIR, 'imta.cnf'))) generateConfig(DIR);

const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((p) => fs.existsSync(p) && spawnSync(p, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0);

/**
 * Wall time (ms) and peak RSS (MiB) of `node args...`. Peak RSS from GNU time when it is
 * installed, else from process.resourceUsage() in a child that runs the CLI's main().
 */
function measure(args) {
  const t0 = process.hrtime.bigint();
  let rssMiB;
  let status;
  if (GNU_TIME) {
    const out = path.join(os.tmpdir(), `cnflint-bench-${process.pid}.time`);
    status = spawnSync(GNU_TIME, ['-f', '%M', '-o', out, process.execPath, ...args], { stdio: 'ignore' }).status;
    rssMiB = Number(fs.readFileSync(out, 'utf8').trim().split('\n').pop()) / 1024;
    fs.rmSync(out, { force: true });
  } else {
    // No GNU time: run the same work in a child that reports its own peak RSS.
    const code = args[0] === BIN ? rssProbe(args.slice(1)) : 'process.stderr.write(JSON.stringify({ maxRSS: process.resourceUsage().maxRSS }) + "\\n");';
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    status = r.status;
    rssMiB = JSON.parse(r.stderr.trim().split('\n').pop()).maxRSS / 1024;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, rssMiB, status };
}

/** A module that runs cnflint's main() in this process and reports its peak RSS on stderr. */
function rssProbe(cliArgs) {
  const entry = new URL('../dist/src/cli/cnflint.js', import.meta.url).href;
  return `const { main } = await import(${JSON.stringify(entry)});
const code = await main(${JSON.stringify(cliArgs)});
process.stderr.write(JSON.stringify({ maxRSS: process.resourceUsage().maxRSS, code }) + '\\n');`;
}

/**
 * The floor (bench/parse.js floor: read imta.cnf and job_controller.cnf and split them into
 * lines) in a fresh process: its time inside the process, and the whole process's.
 */
function floorRun() {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['bench/parse.js', 'floor', DIR], { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const j = JSON.parse(r.stdout.trim().split('\n').pop());
  return { ms: j.ms, wall, rssMiB: j.maxRssMiB };
}

// The floor process and the CLI in turns (F C F C ...), so that a change in the machine's
// load weighs on both alike; five floors and five CLI runs.
const floors = [];
const big = [];
for (let i = 0; i < 5; i++) {
  floors.push(floorRun());
  big.push(measure([BIN, DIR, '--no-color']));
}
const floorMs = process.argv[3] ? Number(process.argv[3]) : median(floors.map((f) => f.ms));
const floorWall = median(floors.map((f) => f.wall));
const floorRss = median(floors.map((f) => f.rssMiB));

if (big.some((r) => r.status === 2)) {
  console.error(`bench/lint.js: cnflint failed on ${DIR} (exit 2); run \`node ${BIN} ${DIR}\` to see why`);
  process.exit(2);
}
const bigMs = median(big.map((r) => r.ms));
const bigRss = Math.max(...big.map((r) => r.rssMiB));

const size = fs.statSync(path.join(DIR, 'imta.cnf')).size;
const rows = [
  ['read + split lines (floor, in process)', floorMs, floorRss, '1.0x'],
  ['read + split lines (floor, whole process)', floorWall, floorRss, `${(floorWall / floorMs).toFixed(1)}x`],
  [`cnflint ${DIR} (whole CLI, exit ${big[0].status})`, bigMs, bigRss, `${(bigMs / floorMs).toFixed(1)}x (${(bigMs / floorWall).toFixed(1)}x the whole-process floor)`],
];
console.log(`lint: cnflint CLI on ${DIR} (imta.cnf ${(size / 1e6).toFixed(1)} MB), peak RSS from ${GNU_TIME ? GNU_TIME : 'process.resourceUsage()'}\n`);
console.log('| measurement | median ms | peak RSS MiB | ratio to floor |');
console.log('|---|---:|---:|---:|');
for (const [name, ms, rss, ratio] of rows) console.log(`| ${name} | ${ms.toFixed(0)} | ${rss.toFixed(0)} | ${ratio} |`);
