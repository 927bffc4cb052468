// The vendor-manual corpus lives beside the repository (../shared/corpus), in CI too.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileKind } from '../../grammar/index.js';

export const CORPUS_DIR = path.resolve(process.cwd(), '../shared/corpus');

export interface CorpusEntry {
  /** Path relative to the corpus directory. */
  name: string;
  path: string;
  kind: FileKind;
  fragment?: string;
  defects: string[];
  text: string;
  bytes: Buffer;
}

export function corpusEntries(): CorpusEntry[] {
  const index = JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, 'index.json'), 'utf8')) as {
    files: Record<string, { kind: FileKind; fragment?: string; defects?: string[] }>;
  };
  return Object.entries(index.files).map(([name, info]) => {
    const p = path.join(CORPUS_DIR, name);
    const bytes = fs.readFileSync(p);
    return { name, path: p, kind: info.kind, fragment: info.fragment, defects: info.defects ?? [], text: bytes.toString('utf8'), bytes };
  });
}

/** imta.cnf-family fragments that start in the channel table are parsed from there. */
export function startOf(entry: CorpusEntry): 'rules' | 'channels' {
  return entry.fragment === 'channels' ? 'channels' : 'rules';
}
