// Every file printed in the vendor manuals (../shared/corpus), linted alone as the
// index describes it: the error and warning rule ids must be exactly the file's real
// defects (a false positive on a corpus file is a bug). Info messages do not count.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintFiles, type LintResult } from '../../src/lint/engine.js';
import type { FileKind } from '../../grammar/index.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const index = JSON.parse(fs.readFileSync(path.join(CORPUS, 'index.json'), 'utf8')) as {
  files: Record<string, { kind: FileKind; fragment?: string; defects?: string[] }>;
};

/** Expected rule ids per file; every file not listed must lint clean. */
const EXPECTED: Record<string, string[]> = {
  // "no channel table: the routing hosts named by the rules exist nowhere"
  'sims35-doc/imta.cnf': ['missing-channel-table'],
  // "debug=1 left on"
  'sims35-doc/job_controller.cnf': ['debug-keywords'],
  // "'network' on b_channel is not a keyword (it would become a group id)"
  'pmdf-doc/test.cnf': ['unknown-keyword'],
  // "'keyword keyword keyword' are placeholders, unknown keywords"
  'ms2005q4-doc/extra-pools-fragment.imta.cnf': ['unknown-keyword'],
  // "blank lines between pool definitions"
  'ms2005q4-doc/extra-pools-fragment.job_controller.cnf': ['pool-blank-lines'],
  // "keyword list wrapped without a continuation backslash", "'maxjobs 7 SMTP_POOL' lacks the word pool"
  'ms2005q4-doc/tcp_intranet-typical-entry-fragment.imta.cnf': ['unknown-keyword', 'wrapped-keyword-line'],
  // "defaults line wrapped without a continuation backslash: the second line is read as its (ignored) host line"
  'ms2005q4-doc/defaults-logging-fragment.imta.cnf': ['defaults-host-line'],
  // "defaults line wrapped without a continuation backslash"
  'ms63-doc/defaults-logging-fragment.imta.cnf': ['defaults-host-line'],
  // "'![SERVICE=LMTPSS]' is a comment, so the settings after it fall into the previous section"
  'ms2005q4-lmtp-backend/dispatcher-additions-fragment.cnf': ['commented-section-header'],
  // "'dentnonenumeric' is a misspelling of identnonenumeric", "last line ends with a backslash
  // followed by spaces", "text damaged as printed" (the block has no official host line)
  'ms63-doc/new-channel-damaged-fragment.imta.cnf': ['broken-continuation', 'missing-official-host', 'unknown-keyword'],
};

function lintCorpusFile(rel: string): LintResult[] {
  const entry = index.files[rel];
  const fragment = entry.fragment === 'rules' || entry.fragment === 'channels' ? entry.fragment : undefined;
  return lintFiles([path.join(CORPUS, rel)], { kind: entry.kind, fragment, configFile: false });
}

const problemIds = (results: LintResult[]) => [...new Set(results.flatMap((r) => r.messages.filter((m) => m.severity !== 'info').map((m) => m.ruleId)))].sort();

describe('corpus', () => {
  test('the mapping names only files of the index', () => {
    for (const rel of Object.keys(EXPECTED)) expect(index.files[rel]).toBeDefined();
  });

  test.each(Object.keys(index.files))('%s', (rel) => {
    let results: LintResult[] = [];
    expect(() => (results = lintCorpusFile(rel))).not.toThrow();
    const got = problemIds(results);
    const detail = results.flatMap((r) => r.messages.filter((m) => m.severity !== 'info').map((m) => `${r.relPath}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect({ rel, ids: got, detail: got.join() === [...(EXPECTED[rel] ?? [])].sort().join() ? [] : detail }).toEqual({ rel, ids: [...(EXPECTED[rel] ?? [])].sort(), detail: [] });
  });

  test("'maxjobs 7 SMTP_POOL' gets the hint to write 'pool SMTP_POOL'", () => {
    const results = lintCorpusFile('ms2005q4-doc/tcp_intranet-typical-entry-fragment.imta.cnf');
    const m = results[0].messages.find((x) => x.ruleId === 'unknown-keyword' && x.message.includes('SMTP_POOL'));
    expect(m?.message).toContain("did you mean 'pool SMTP_POOL'");
  });
});
