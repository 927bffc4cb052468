// Shared by the benchmark scripts.
import { execFileSync } from 'node:child_process';

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs `node args...` and returns the JSON line it prints last (bench/parse.js: { ms, maxRssMiB }). */
export function runJson(args) {
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop());
}
