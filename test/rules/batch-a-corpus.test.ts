// The imta.cnf structure rules (batch A) over the reference corpus (files printed in
// vendor manuals, each linted alone): every corpus defect that belongs to them is one
// report, on the line that holds it (test/lint/corpus.test.ts checks the rule ids with the
// whole catalogue, test/lint/examples.test.ts the examples). Also a size check (linear
// passes over a large rule set), fuzzing, and the fix loop's progress.
import fc from 'fast-check';
import { buildModel } from '../../src/model/load.js';
import { applyEdits } from '../../src/edit/edits.js';
import type { Report, Rule } from '../../src/lint/types.js';
import { corpusEntries } from '../helpers/corpus.js';
import { lintCorpusWith, runRules, type Hit } from '../helpers/corpus-rules.js';
import blankLineInRewriteRules from '../../rules/blank-line-in-rewrite-rules.js';
import brokenContinuation from '../../rules/broken-continuation.js';
import channelBlockSeparation from '../../rules/channel-block-separation.js';
import crlfLineEndings from '../../rules/crlf-line-endings.js';
import defaultsHostLine from '../../rules/defaults-host-line.js';
import duplicateChannel from '../../rules/duplicate-channel.js';
import duplicateHost from '../../rules/duplicate-host.js';
import duplicateRewriteRule from '../../rules/duplicate-rewrite-rule.js';
import includeDepth from '../../rules/include-depth.js';
import lineLength from '../../rules/line-length.js';
import localChannelFirst from '../../rules/local-channel-first.js';
import misplacedComment from '../../rules/misplaced-comment.js';
import missingChannelTable from '../../rules/missing-channel-table.js';
import missingInclude from '../../rules/missing-include.js';
import missingOfficialHost from '../../rules/missing-official-host.js';
import multipleBlankLines from '../../rules/multiple-blank-lines.js';
import ruleWithoutTemplate from '../../rules/rule-without-template.js';
import unresolvedInclude from '../../rules/unresolved-include.js';
import whitespaceOnlyLine from '../../rules/whitespace-only-line.js';
import wrappedKeywordLine from '../../rules/wrapped-keyword-line.js';

const RULES: Rule[] = [
  blankLineInRewriteRules,
  brokenContinuation,
  channelBlockSeparation,
  crlfLineEndings,
  defaultsHostLine,
  duplicateChannel,
  duplicateHost,
  duplicateRewriteRule,
  includeDepth,
  lineLength,
  localChannelFirst,
  misplacedComment,
  missingChannelTable,
  missingInclude,
  missingOfficialHost,
  multipleBlankLines,
  ruleWithoutTemplate,
  unresolvedInclude,
  whitespaceOnlyLine,
  wrappedKeywordLine,
];

const ENTRIES = new Map(corpusEntries().map((e) => [e.name, e]));
const lintCorpusFile = (rel: string): Hit[] => lintCorpusWith(RULES, ENTRIES.get(rel)!);

/** Which of these rules each corpus file must trigger (index.json's defects that are theirs). */
const EXPECTED: Record<string, string[]> = {
  'sims35-doc/imta.cnf': ['missing-channel-table'],
  'ms2005q4-doc/tcp_intranet-typical-entry-fragment.imta.cnf': ['wrapped-keyword-line'],
  'ms2005q4-doc/defaults-logging-fragment.imta.cnf': ['defaults-host-line'],
  'ms63-doc/defaults-logging-fragment.imta.cnf': ['defaults-host-line'],
  'ms63-doc/new-channel-damaged-fragment.imta.cnf': ['broken-continuation', 'missing-official-host'],
};

describe('batch A rules over the corpus', () => {
  for (const rel of ENTRIES.keys()) {
    test(rel, () => {
      const ids = [...new Set(lintCorpusFile(rel).map((r) => r.id))].sort();
      expect(ids).toEqual(EXPECTED[rel] ?? []);
    });
  }

  test('each corpus defect is one report, on the line that holds it', () => {
    const hits = (rel: string) => lintCorpusFile(rel).map((r) => `${r.id} ${r.line} ${r.text}`);
    expect(hits('sims35-doc/imta.cnf')).toEqual(['missing-channel-table 45 ! bitbucket']);
    expect(hits('ms2005q4-doc/tcp_intranet-typical-entry-fragment.imta.cnf')).toEqual([
      'wrapped-keyword-line 2 maytlsserver allowswitchchannel saslswitchchannel tcp_auth',
    ]);
    expect(hits('ms2005q4-doc/defaults-logging-fragment.imta.cnf')).toEqual([
      'defaults-host-line 2 noswitchchannel immnonurgent maxjobs 7 defaulthost siroe.com',
    ]);
    expect(hits('ms63-doc/defaults-logging-fragment.imta.cnf')).toEqual([
      'defaults-host-line 2 noswitchchannel immnonurgent maxjobs 7 defaulthost siroe.com siroe.com',
    ]);
    expect(hits('ms63-doc/new-channel-damaged-fragment.imta.cnf')).toEqual(['missing-official-host 1 tcp_siroe', 'broken-continuation 3 \\    ']);
  });

  test('the corpus has no CRLF line breaks and no whitespace-only lines', () => {
    for (const [rel, { text }] of ENTRIES) {
      expect([rel, text.includes('\r')]).toEqual([rel, false]);
      expect([rel, /^[ \t]+$/m.test(text)]).toEqual([rel, false]);
    }
  });
});

describe('batch A rules at scale', () => {
  test('40,000 rewrite rules and 2,000 channels lint in linear time', () => {
    const rules: string[] = [];
    for (let i = 0; i < 40000; i++) rules.push(`.d${i}.example.com $U%$H$D@tcp-daemon`);
    rules.push('.d1.example.com $U%$H$D@tcp-daemon');
    const blocks: string[] = ['l\nmail.example.com'];
    for (let i = 0; i < 2000; i++) blocks.push(`tcp_c${i} smtp mx single_sys pool SMTP_POOL\ntcp_c${i}-daemon\nh${i}.example.com`);
    const text = `${rules.join('\n')}\n\n${blocks.join('\n\n')}\n`;
    const model = buildModel({ files: [{ relPath: 'imta.cnf', kind: 'imta.cnf', text }] });
    const t0 = performance.now();
    const hits = runRules(RULES, model, { directory: false, complete: true, kinds: new Set(['imta.cnf']) });
    const ms = performance.now() - t0;
    expect(hits.map((h) => `${h.id} ${h.line}`)).toEqual(['duplicate-rewrite-rule 40001']);
    expect(ms).toBeLessThan(3000);
  });
});

describe('batch A rules on arbitrary text', () => {
  // Lines made of the pieces that drive these rules: rules, keywords, host names, `\` with
  // and without blanks, misplaced `!`, includes, blank and whitespace-only lines, CRLF.
  const piece = fc.constantFrom(
    'a $U@a-daemon',
    '.com $U%$H$D@tcp-daemon',
    '[] $U%[$L]@tcp-daemon',
    'l',
    'L',
    'tcp_local smtp mx',
    'tcp_local',
    'maytlsserver allowswitchchannel',
    'defaults logging',
    'nodefaults',
    'tcp-daemon',
    'x.example.com y.example.com',
    'bitbucket',
    'bitbucket-daemon',
    '  ! note',
    '! comment',
    'smtp ! x',
    '\\',
    '\\  ',
    ' \\',
    '<inc.rules',
    '<',
    '',
    '  ',
    '\t',
    '$*',
    '7 pool SMTP_POOL',
  );
  const line = fc.array(piece, { minLength: 1, maxLength: 3 }).map((ps) => ps.join(' '));
  const file = fc.tuple(fc.array(line, { maxLength: 14 }), fc.boolean()).map(([ls, crlf]) => ls.join(crlf ? '\r\n' : '\n') + (ls.length ? '\n' : ''));

  test('no rule throws; every report lies in its file; every fix applies, all of one rule together too', () => {
    fc.assert(
      fc.property(file, fc.constantFrom<'rules' | 'channels'>('rules', 'channels'), fc.boolean(), (text, start, complete) => {
        const model = buildModel({ files: [{ relPath: 'imta.cnf', kind: 'imta.cnf', text, start }] });
        for (const rule of RULES) {
          const fixEdits: { start: number; end: number; text: string }[] = [];
          rule.create({
            model,
            scope: { directory: false, complete, kinds: new Set(['imta.cnf']), ...(start === 'channels' ? { fragment: start } : {}) },
            options: { ...(rule.meta.defaultOptions ?? {}) },
            report(r: Report) {
              expect(r.start).toBeGreaterThanOrEqual(0);
              expect(r.end).toBeGreaterThanOrEqual(r.start);
              expect(r.end).toBeLessThanOrEqual(r.file.text.length);
              expect(r.message.length).toBeGreaterThan(0);
              for (const f of [...(r.fix ? [r.fix] : []), ...(r.suggestions ?? [])]) {
                expect(() => applyEdits(r.file.text, f.edits.filter((e) => e.path === r.file.path))).not.toThrow();
              }
              if (r.fix) fixEdits.push(...r.fix.edits);
            },
          });
          expect(() => applyEdits(text, fixEdits)).not.toThrow();
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('batch A fixes make progress', () => {
  const piece = fc.constantFrom('a $U@a-daemon', '.com $U@tcp-daemon', 'l', 'tcp_local smtp mx', 'maytlsserver allowswitchchannel', 'defaults logging', 'noswitchchannel', 'tcp-daemon', 'bitbucket', 'bitbucket-daemon', '  ! note', '\\  ', '', '  ', 'tcp_submit submit smtp');
  const file = fc.tuple(fc.array(fc.array(piece, { minLength: 1, maxLength: 2 }).map((p) => p.join(' ')), { maxLength: 12 }), fc.boolean()).map(([ls, crlf]) => ls.join(crlf ? '\r\n' : '\n') + '\n');
  const fixable = RULES.filter((r) => r.meta.fixable);

  const lintOnce = (rule: Rule, text: string, start: 'rules' | 'channels') => {
    const model = buildModel({ files: [{ relPath: 'imta.cnf', kind: 'imta.cnf', text, start }] });
    const edits: { start: number; end: number; text: string }[] = [];
    let fixes = 0;
    rule.create({
      model,
      scope: { directory: false, complete: start === 'rules', kinds: new Set(['imta.cnf']) },
      options: { ...(rule.meta.defaultOptions ?? {}) },
      report(r: Report) {
        if (!r.fix) return;
        fixes++;
        edits.push(...r.fix.edits);
      },
    });
    return { fixes, text: applyEdits(text, edits) };
  };

  test('applying a rule\'s fixes again and again ends within the fix loop\'s 10 passes', () => {
    fc.assert(
      fc.property(file, fc.constantFrom<'rules' | 'channels'>('rules', 'channels'), (text, start) => {
        for (const rule of fixable) {
          let t = text;
          let passes = 0;
          for (let r = lintOnce(rule, t, start); r.fixes; r = lintOnce(rule, t, start)) {
            t = r.text;
            passes++;
            if (passes > 10) break;
          }
          expect([rule.meta.id, passes <= 10]).toEqual([rule.meta.id, true]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
