// Small in-memory configurations for codemod table tests, and temp copies of examples/.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileKindFromName } from '../../grammar/index.js';
import { changesOf } from '../../src/codemod/run.js';
import { isRefusal, type CodemodPlan, type CodemodResult } from '../../src/codemod/types.js';
import { buildModel } from '../../src/model/load.js';
import type { ConfigModel } from '../../src/model/types.js';

export type Files = Record<string, string>;

/** A model of in-memory files by name (imta.cnf, job_controller.cnf …). */
export function modelOf(files: Files): ConfigModel {
  return buildModel({
    files: Object.entries(files).map(([relPath, text]) => ({ relPath, kind: fileKindFromName(relPath)!, text })),
  });
}

/** The plan, failing the test with the refusal's reason if the codemod refused. */
export function planOf(result: CodemodResult): CodemodPlan {
  if (isRefusal(result)) throw new Error(`unexpected refusal: ${result.refused}`);
  return result;
}

/** Every file's text after the plan's edits. */
export function applied(files: Files, model: ConfigModel, result: CodemodResult): Files {
  const out = { ...files };
  for (const c of changesOf(model, planOf(result))) out[c.relPath] = c.after;
  return out;
}

/** Runs a codemod on in-memory files and returns the resulting texts. */
export function run<A>(files: Files, codemod: (m: ConfigModel, a: A) => CodemodResult, args: A): Files {
  const m = modelOf(files);
  return applied(files, m, codemod(m, args));
}

export const SIROE = path.resolve(process.cwd(), 'examples/siroe');

/** A fresh temp copy of an example directory (optionally transformed per file). */
export function tempCopy(src = SIROE, transform?: (name: string, text: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnfmod-'));
  for (const name of fs.readdirSync(src)) {
    const text = fs.readFileSync(path.join(src, name), 'utf8');
    fs.writeFileSync(path.join(dir, name), transform ? transform(name, text) : text);
  }
  return dir;
}

/** Every file of a directory: name → bytes (hidden temp files included, to catch leftovers). */
export function snapshot(dir: string): Map<string, Buffer> {
  const m = new Map<string, Buffer>();
  for (const name of fs.readdirSync(dir).sort()) m.set(name, fs.readFileSync(path.join(dir, name)));
  return m;
}

export const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
