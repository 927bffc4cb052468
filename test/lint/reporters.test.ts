import * as path from 'node:path';
import { lintDirectory, ruleMetas, type LintResult } from '../../src/lint/engine.js';
import { REPORTERS } from '../../src/lint/reporters/index.js';
import { escapeData, escapeProperty } from '../../src/lint/reporters/github.js';
import { visible } from '../../src/lint/reporters/stylish.js';
import { FAKE_RULES } from './fake-rules.js';
import { cleanupTmp, tmpDir } from './tmp.js';

afterAll(cleanupTmp);

const opts = { rules: FAKE_RULES, configFile: false as const };
const TEXT = ['! head', 'FOO  $U@a', 'x\tAA $U@b', 'OPT  $U@c', ''].join('\n');

function setup(text = TEXT, extra: Record<string, string> = {}): { dir: string; results: LintResult[] } {
  const dir = tmpDir({ 'imta.cnf': text, ...extra });
  return { dir, results: lintDirectory(dir, { ...opts, cwd: dir }) };
}

const ctx = (cwd: string, color = false) => ({ cwd, color, rules: ruleMetas(FAKE_RULES) });

describe('stylish', () => {
  test('control characters from the file are shown as symbols, one column each; tabs stay', () => {
    expect(visible('a\u001b[31mb\u0000\tc\u007f\r')).toBe('a\u241b[31mb\u2400\tc\u2421\u240d');
    expect(visible('plain text')).toBe('plain text');
  });

  test('groups by file, aligns, shows a code frame, sums up (no colour)', () => {
    const { dir, results } = setup();
    expect(REPORTERS.stylish(results, ctx(dir))).toBe(
      [
        '',
        'imta.cnf',
        '  2:1  warning  FOO is shouting  no-foo',
        '    2 | FOO  $U@a',
        '      | ^~~',
        '  3:3  error    run of 2  shrink',
        '    3 | x\tAA $U@b',
        '      |  \t^~',
        '  4:1  info     {"level":1,"keep":true}  opt-echo',
        '    4 | OPT  $U@c',
        '      | ^~~',
        '',
        '\u2716 2 problems (1 error, 1 warning)',
        '  1 error and 1 warning potentially fixable with the `--fix` option.',
        '\u2139 1 info message (not counted as problems)',
        '',
      ].join('\n'),
    );
  });

  test('nothing at all for a clean run; colour codes only when asked', () => {
    const { dir, results } = setup('a  $U@b\n');
    expect(REPORTERS.stylish(results, ctx(dir))).toBe('');
    const colored = REPORTERS.stylish(setup().results, ctx(dir, true));
    expect(colored).toContain('\u001b[31merror  \u001b[39m');
    expect(REPORTERS.stylish(setup().results, ctx(dir, false))).not.toContain('\u001b[');
  });

  test('files outside the working directory are shown with absolute paths', () => {
    const { dir, results } = setup();
    expect(REPORTERS.stylish(results, ctx('/some/where/else'))).toContain(`\n${path.join(dir, 'imta.cnf')}\n`);
  });
});

test('compact: one line per message, ESLint wording', () => {
  const { dir, results } = setup();
  const file = path.join(dir, 'imta.cnf');
  expect(REPORTERS.compact(results, ctx(dir))).toBe(
    [
      `${file}: line 2, col 1, Warning - FOO is shouting (no-foo)`,
      `${file}: line 3, col 3, Error - run of 2 (shrink)`,
      `${file}: line 4, col 1, Info - {"level":1,"keep":true} (opt-echo)`,
      '',
      '2 problems, 1 info message',
      '',
    ].join('\n'),
  );
});

test("json: ESLint's shape; info messages have severity 0 and level 'info'; fixes as range + text", () => {
  const { dir, results } = setup('! cnflint-disable-next-line shrink -- known\nFOO AA $U@a\nOPT $U@b\n');
  const parsed = JSON.parse(REPORTERS.json(results, ctx(dir)));
  expect(parsed).toEqual([
    {
      filePath: path.join(dir, 'imta.cnf'),
      messages: [
        { ruleId: 'no-foo', severity: 1, message: 'FOO is shouting', line: 2, column: 1, endLine: 2, endColumn: 4, fix: { range: [44, 47], text: 'foo' } },
        { ruleId: 'opt-echo', severity: 0, level: 'info', message: '{"level":1,"keep":true}', line: 3, column: 1, endLine: 3, endColumn: 4 },
      ],
      suppressedMessages: [
        { ruleId: 'shrink', severity: 2, message: 'run of 2', line: 2, column: 5, endLine: 2, endColumn: 7, fix: { range: [48, 49], text: '' }, suppressions: [{ kind: 'directive', justification: 'known' }] },
      ],
      errorCount: 0,
      fatalErrorCount: 0,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 1,
      infoCount: 1,
      source: '! cnflint-disable-next-line shrink -- known\nFOO AA $U@a\nOPT $U@b\n',
      usedDeprecatedRules: [],
    },
  ]);
});

describe('sarif', () => {
  test('SARIF 2.1.0 with rules, relative artifact URIs, regions, levels and suppressions', () => {
    const { dir, results } = setup('! cnflint-disable-next-line no-foo\nFOO AA $U@a\nOPT $U@b\n');
    const log = JSON.parse(REPORTERS.sarif(results, ctx(dir)));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('cnflint');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['shrink', 'opt-echo', 'no-foo']);
    expect(run.tool.driver.rules[0]).toMatchObject({ id: 'shrink', shortDescription: { text: 'one A' }, defaultConfiguration: { level: 'error' } });
    expect(run.tool.driver.rules[0].helpUri).toMatch(/docs\/rules\/shrink\.md$/);
    expect(run.results.map((r: any) => [r.ruleId, r.ruleIndex, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region, !!r.suppressions])).toEqual([
      ['shrink', 0, 'error', 'imta.cnf', { startLine: 2, startColumn: 5, endLine: 2, endColumn: 7 }, false],
      ['opt-echo', 1, 'note', 'imta.cnf', { startLine: 3, startColumn: 1, endLine: 3, endColumn: 4 }, false],
      ['no-foo', 2, 'warning', 'imta.cnf', { startLine: 2, startColumn: 1, endLine: 2, endColumn: 4 }, true],
    ]);
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
  });

  test('fingerprints survive an unrelated edit above and tell repeated lines apart', () => {
    const fp = (text: string) => {
      const { dir, results } = setup(text);
      return JSON.parse(REPORTERS.sarif(results, ctx(dir))).runs[0].results.map((r: any) => [r.locations[0].physicalLocation.region.startLine, r.partialFingerprints['cnflint/v1']]);
    };
    const before = fp('FOO $U@a\nFOO $U@a\nx AA $U@b\n');
    const after = fp('! a new comment\nnew.rule $U@z\nFOO $U@a\nFOO $U@a\nx AA $U@b\n');
    expect(after.map((x: unknown[]) => x[0])).toEqual(before.map((x: unknown[]) => (x[0] as number) + 2));
    expect(after.map((x: unknown[]) => x[1])).toEqual(before.map((x: unknown[]) => x[1]));
    expect(new Set(before.map((x: unknown[]) => x[1])).size).toBe(3);
    expect(before[0][1]).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('github', () => {
  test('workflow commands per severity, with escaping', () => {
    const { dir, results } = setup();
    expect(REPORTERS.github(results, ctx(dir))).toBe(
      [
        '::warning file=imta.cnf,line=2,col=1,endLine=2,endColumn=4,title=no-foo::FOO is shouting',
        '::error file=imta.cnf,line=3,col=3,endLine=3,endColumn=5,title=shrink::run of 2',
        '::notice file=imta.cnf,line=4,col=1,endLine=4,endColumn=4,title=opt-echo::{"level":1,"keep":true}',
        '',
      ].join('\n'),
    );
  });

  test('escaping follows the Actions toolkit', () => {
    expect(escapeData('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext: a,b');
    expect(escapeProperty('dir,with:odd%chars')).toBe('dir%2Cwith%3Aodd%25chars');
  });
});
