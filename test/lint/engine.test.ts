import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintDirectory, lintFiles, lintText, outputFixes, detectFragment, MAX_FIX_PASSES, LintInternalError, LintInputError, type LintResult } from '../../src/lint/engine.js';
import { LintConfigError } from '../../src/lint/config.js';
import { ConfigError } from '../../src/model/load.js';
import { WriteError } from '../../src/edit/write.js';
import { FAKE_RULES, missingInclude, noFoo, noop } from './fake-rules.js';
import { cleanupTmp, read, tmpDir } from './tmp.js';

afterAll(cleanupTmp);

const IMTA = ['! main file', 'a.example  $U@a-daemon', 'FOO  $U@b-daemon', '<IMTA_TABLE:internet.rules', '', 'l', 'mail.example', '', 'tcp_local smtp', 'a-daemon', 'b-daemon', ''].join('\n');
const RULES_FILE = ['! included rules', 'FOO.example  $U@a-daemon', ''].join('\n');

/** `file:line:col rule severity message` for every message, sorted as the engine sorts. */
function flat(results: LintResult[]): string[] {
  return results.flatMap((r) => r.messages.map((m) => `${r.relPath}:${m.line}:${m.column} ${m.ruleId} ${m.severity} ${m.message}`));
}

const opts = { rules: FAKE_RULES, configFile: false as const };

describe('severities and options', () => {
  test('rule defaults apply without configuration; positions are 1-based with exclusive end', () => {
    const dir = tmpDir({ 'imta.cnf': IMTA, 'internet.rules': RULES_FILE });
    const results = lintDirectory(dir, opts);
    expect(flat(results)).toEqual(['imta.cnf:3:1 no-foo warning FOO is shouting', 'internet.rules:2:1 no-foo warning FOO is shouting']);
    const m = results[0].messages[0];
    expect([m.line, m.column, m.endLine, m.endColumn]).toEqual([3, 1, 3, 4]);
    expect(results[0]).toMatchObject({ errorCount: 0, warningCount: 1, infoCount: 0, fixableWarningCount: 1, fixableErrorCount: 0 });
  });

  test("'warn' maps to warning, numbers work, 'off' disables, options merge over defaults", () => {
    const dir = tmpDir({ 'imta.cnf': IMTA.replace('a.example', 'OPT.example'), 'internet.rules': '! nothing\n' });
    const results = lintDirectory(dir, { ...opts, config: { rules: { 'no-foo': 2, 'opt-echo': ['warn', { level: 3 }] } } });
    expect(flat(results)).toEqual(['imta.cnf:2:1 opt-echo warning {"level":3,"keep":true}', 'imta.cnf:3:1 no-foo error FOO is shouting']);
    expect(flat(lintDirectory(dir, { ...opts, config: { rules: { 'no-foo': 'off', 'opt-echo': 'off' } } }))).toEqual([]);
  });

  test("a report's own severity applies unless the configuration sets one", () => {
    const dir = tmpDir({ 'imta.cnf': 'LESS MORE $U@b\n' });
    expect(flat(lintDirectory(dir, opts))).toEqual(['imta.cnf:1:1 lesser info LESS', 'imta.cnf:1:6 lesser error MORE']);
    expect(flat(lintDirectory(dir, { ...opts, config: { rules: { lesser: 'warn' } } }))).toEqual(['imta.cnf:1:1 lesser warning LESS', 'imta.cnf:1:6 lesser warning MORE']);
  });

  test('overrides by glob: relative to the config file and to the configuration directory', () => {
    const dir = tmpDir({ 'imta.cnf': IMTA, 'internet.rules': RULES_FILE });
    const results = lintDirectory(dir, { ...opts, config: { overrides: [{ files: ['**/*.rules'], rules: { 'no-foo': 'error' } }, { files: 'imta.cnf', rules: { 'no-foo': 'off' } }] }, cwd: dir });
    expect(flat(results)).toEqual(['internet.rules:2:1 no-foo error FOO is shouting']);
  });

  test('an override can turn on a rule that is off, and give it other options for some files only', () => {
    const dir = tmpDir({ 'imta.cnf': IMTA.replace('a.example', 'OPT.example'), 'internet.rules': RULES_FILE.replace('FOO.example', 'OPT.example') });
    const results = lintDirectory(dir, {
      ...opts,
      cwd: dir,
      config: { rules: { 'no-foo': 'off', 'opt-echo': ['info', { level: 2 }] }, overrides: [{ files: '*.rules', rules: { 'opt-echo': ['error', { keep: false }] } }] },
    });
    expect(flat(results)).toEqual(['imta.cnf:2:1 opt-echo info {"level":2,"keep":true}', 'internet.rules:2:1 opt-echo error {"level":1,"keep":false}']);
  });

  test('--rule settings win over the configuration and overrides', () => {
    const dir = tmpDir({ 'imta.cnf': IMTA, 'internet.rules': RULES_FILE });
    const results = lintDirectory(dir, { ...opts, cwd: dir, ruleSettings: { 'no-foo': 'info' }, config: { overrides: [{ files: '*.rules', rules: { 'no-foo': 'error' } }] } });
    expect(flat(results)).toEqual(['imta.cnf:3:1 no-foo info FOO is shouting', 'internet.rules:2:1 no-foo info FOO is shouting']);
  });
});

describe('configuration files', () => {
  test('found upward from the linted directory; root is relative to the config file', () => {
    const top = tmpDir({
      'cnflint.config.json': JSON.stringify({ rules: { 'no-foo': 'error' }, root: 'server' }),
      'config/imta.cnf': 'FOO  $U@x\n<' + '/opt/x.rules\n',
      'server/opt/x.rules': 'FOO.b  $U@x\n',
    });
    const results = lintDirectory(path.join(top, 'config'), { rules: FAKE_RULES });
    expect(flat(results)).toEqual(['imta.cnf:1:1 no-foo error FOO is shouting', '../server/opt/x.rules:1:1 no-foo error FOO is shouting']);
  });

  test('--config names the file; configFile false ignores the one found', () => {
    const top = tmpDir({ 'cnflint.config.json': JSON.stringify({ rules: { 'no-foo': 'off' } }), 'other.json': JSON.stringify({ rules: { 'no-foo': 'info' } }), 'imta.cnf': 'FOO  $U@x\n' });
    expect(flat(lintDirectory(top, { rules: FAKE_RULES }))).toEqual([]);
    expect(flat(lintDirectory(top, { rules: FAKE_RULES, configFile: path.join(top, 'other.json') }))).toEqual(['imta.cnf:1:1 no-foo info FOO is shouting']);
    expect(flat(lintDirectory(top, { rules: FAKE_RULES, configFile: false }))).toEqual(['imta.cnf:1:1 no-foo warning FOO is shouting']);
  });

  test.each([
    [{ rules: { 'no-fo': 'warn' } }, /cnflint\.config\.json: rules: unknown rule 'no-fo' \(did you mean 'no-foo'\?\)/],
    [{ rules: { 'no-foo': 'warnx' } }, /cnflint\.config\.json: rules\.no-foo: bad severity "warnx"; use one of "off", "info", "warn", "error"/],
    [{ rules: { 'no-foo': ['warn', 3] } }, /rules\.no-foo: rule options must be an object/],
    [{ rule: {} }, /unknown key 'rule'/],
    [{ overrides: [{ rules: {} }] }, /overrides\[0\]\.files must be a glob/],
    [{ overrides: [{ files: '*', rules: { nope: 'off' } }] }, /overrides\[0\]\.rules: unknown rule 'nope'/],
  ])('invalid configuration %j is a LintConfigError naming the file', (config, message) => {
    const top = tmpDir({ 'cnflint.config.json': JSON.stringify(config), 'imta.cnf': 'a $U@b\n' });
    expect(() => lintDirectory(top, { rules: FAKE_RULES })).toThrow(LintConfigError);
    expect(() => lintDirectory(top, { rules: FAKE_RULES })).toThrow(message);
  });

  test('invalid JSON is a LintConfigError', () => {
    const top = tmpDir({ 'cnflint.config.json': '{ "rules": ', 'imta.cnf': 'a $U@b\n' });
    expect(() => lintDirectory(top, { rules: FAKE_RULES })).toThrow(/cnflint\.config\.json: not valid JSON/);
  });

  test('the built-in ids may be configured; unknown --rule ids are rejected', () => {
    const top = tmpDir({ 'imta.cnf': 'a $U@b\n' });
    expect(() => lintDirectory(top, { ...opts, config: { rules: { syntax: 'warn', 'unused-disable': 'off' } } })).not.toThrow();
    expect(() => lintDirectory(top, { ...opts, ruleSettings: { 'no-fooo': 'off' } })).toThrow(/--rule: unknown rule 'no-fooo' \(did you mean 'no-foo'\?\)/);
  });
});

describe('model diagnostics', () => {
  const files = { 'imta.cnf': 'a  $U@b\n<IMTA_TABLE:missing.rules\n\nl\nb\n' };

  test("surface under 'syntax' with the diagnostic's severity when no rule has their code", () => {
    const results = lintDirectory(tmpDir(files), opts);
    expect(flat(results)).toEqual([expect.stringMatching(/^imta\.cnf:2:1 syntax error included file 'IMTA_TABLE:missing\.rules' does not exist/)]);
  });

  test('a configured severity for syntax replaces the diagnostic severity; off drops them', () => {
    const dir = tmpDir(files);
    expect(flat(lintDirectory(dir, { ...opts, config: { rules: { syntax: 'warn' } } }))).toEqual([expect.stringMatching(/^imta\.cnf:2:1 syntax warning/)]);
    expect(flat(lintDirectory(dir, { ...opts, config: { rules: { syntax: 'off' } } }))).toEqual([]);
  });

  test('are left to the rule module of the same id when the rule set has one', () => {
    const results = lintDirectory(tmpDir(files), { ...opts, rules: [...FAKE_RULES, missingInclude] });
    expect(flat(results)).toEqual([expect.stringMatching(/^imta\.cnf:2:1 missing-include warning rule says: included file/)]);
  });

  test('a missing imta.cnf in a directory is a ConfigError', () => {
    expect(() => lintDirectory(tmpDir({ 'job_controller.cnf': '' }), opts)).toThrow(ConfigError);
  });
});

describe('scope', () => {
  const scopeOf = (results: LintResult[]) => results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'scope-echo').map((m) => m.message));

  test('a directory is complete and runs cross-file rules', () => {
    const dir = tmpDir({ 'imta.cnf': '! SCOPE CROSS\na $U@b\n', 'job_controller.cnf': '[POOL=DEFAULT]\n' });
    const results = lintDirectory(dir, opts);
    expect(scopeOf(results)).toEqual(['directory=true complete=true fragment=- kinds=imta.cnf+job_controller.cnf']);
    expect(flat(results)).toContain('imta.cnf:1:1 cross-check error cross-file rule ran');
  });

  test('a single file named imta.cnf is complete but cross-file rules stay quiet', () => {
    const dir = tmpDir({ 'imta.cnf': '! SCOPE CROSS\na $U@b\n' });
    const results = lintFiles([path.join(dir, 'imta.cnf')], opts);
    expect(scopeOf(results)).toEqual(['directory=false complete=true fragment=- kinds=imta.cnf']);
    expect(flat(results).some((s) => s.includes('cross-check'))).toBe(false);
  });

  test('any other imta.cnf-family name is a fragment; the fragment is detected or given', () => {
    const dir = tmpDir({ 'rules.cnf': '! SCOPE\na $U@b\n', 'chan.cnf': '! SCOPE\ntcp_local smtp mx\ntcp-daemon\n', 'main-imta.cnf': '! SCOPE\na $U@b\n' });
    expect(scopeOf(lintFiles([path.join(dir, 'rules.cnf')], opts))).toEqual(['directory=false complete=false fragment=rules kinds=imta.cnf']);
    expect(scopeOf(lintFiles([path.join(dir, 'chan.cnf')], opts))).toEqual(['directory=false complete=false fragment=channels kinds=imta.cnf']);
    expect(scopeOf(lintFiles([path.join(dir, 'rules.cnf')], { ...opts, fragment: 'channels' }))).toEqual(['directory=false complete=false fragment=channels kinds=imta.cnf']);
    expect(scopeOf(lintFiles([path.join(dir, 'main-imta.cnf')], opts))).toEqual(['directory=false complete=false fragment=rules kinds=imta.cnf']);
  });

  test('--fragment channels parses the text as a channel table', () => {
    const dir = tmpDir({ 'frag.cnf': 'tcp_x smtp FOO\nx-daemon\n' });
    const [r] = lintFiles([path.join(dir, 'frag.cnf')], { ...opts, fragment: 'channels' });
    expect(r.messages.map((m) => m.ruleId)).toEqual(['no-foo']);
  });

  test('an option file alone is not complete and has no fragment', () => {
    const dir = tmpDir({ 'x.job_controller.cnf': '! SCOPE\n[POOL=A]\n' });
    expect(scopeOf(lintFiles([path.join(dir, 'x.job_controller.cnf')], { ...opts, fragment: 'rules' }))).toEqual(['directory=false complete=false fragment=- kinds=job_controller.cnf']);
  });

  test('--kind overrides the kind from the name; an unknown name without --kind is a LintInputError', () => {
    const dir = tmpDir({ 'weird.txt': '! SCOPE\n[POOL=A]\n' });
    expect(() => lintFiles([path.join(dir, 'weird.txt')], opts)).toThrow(LintInputError);
    expect(() => lintFiles([path.join(dir, 'weird.txt')], opts)).toThrow(/pass --kind/);
    expect(scopeOf(lintFiles([path.join(dir, 'weird.txt')], { ...opts, kind: 'dispatcher.cnf' }))).toEqual(['directory=false complete=false fragment=- kinds=dispatcher.cnf']);
  });

  test('a missing file is a LintInputError naming it', () => {
    expect(() => lintFiles(['/nonexistent/imta.cnf'], opts)).toThrow("'/nonexistent/imta.cnf' does not exist");
  });

  test('lintText: kind and completeness from the file name', () => {
    expect(scopeOf(lintText('! SCOPE\na $U@b\n', { ...opts, filename: 'imta.cnf' }))).toEqual(['directory=false complete=true fragment=- kinds=imta.cnf']);
    expect(scopeOf(lintText('! SCOPE\n[SERVICE=SMTP]\n', { ...opts, filename: 'dispatcher.cnf' }))).toEqual(['directory=false complete=false fragment=- kinds=dispatcher.cnf']);
    const [r] = lintText('FOO $U@b\n', { ...opts });
    expect(r.messages.map((m) => m.ruleId)).toEqual(['no-foo']);
  });

  test.each([
    ['rule lines', 'a.example  $U@b\n', 'rules'],
    ['comments then a rule', '! c\n!\n$*  $E$F$U%$H@x\n\nl\nx\n', 'rules'],
    ['a keyword line', 'tcp_local smtp mx\ntcp-daemon\n', 'channels'],
    ['a continued keyword line', 'tcp_local \\\n smtp\ntcp-daemon\n', 'channels'],
    ['defaults', 'defaults logging\n\nl\nx\n', 'channels'],
    ['a bare channel name', 'conversion\nconversion-daemon\n', 'channels'],
    ['a two-word rule without $', 'a b\n', 'rules'],
  ])('detectFragment: %s', (_name, text, expected) => {
    expect(detectFragment(text)).toBe(expected);
  });
});

describe('inline suppressions', () => {
  const lint = (text: string, extra = {}) => lintDirectory(tmpDir({ 'imta.cnf': text }), { ...opts, ...extra });

  test('disable-next-line covers the next non-comment line and its continuation lines', () => {
    const text = ['! cnflint-disable-next-line no-foo -- legacy host', '! another comment', 'tcp_x smtp \\', '  FOO', 'FOO $U@x', ''].join('\n');
    const [r] = lintDirectory(tmpDir({ 'imta.cnf': text }), { ...opts, fragment: undefined });
    expect(r.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['5 no-foo']);
    expect(r.suppressedMessages.map((m) => [m.line, m.ruleId, m.suppressions])).toEqual([[4, 'no-foo', [{ kind: 'directive', justification: 'legacy host' }]]]);
  });

  test('a rule list with commas; other rules are not suppressed', () => {
    const [r] = lint(['! cnflint-disable-next-line shrink, opt-echo', 'FOO AA $U@x', ''].join('\n'));
    expect(r.messages.map((m) => m.ruleId)).toEqual(['unused-disable', 'no-foo']);
    expect(r.suppressedMessages.map((m) => m.ruleId)).toEqual(['shrink']);
    // opt-echo suppressed nothing: reported as unused, pointing at the id.
    expect(flat([r])).toEqual([
      "imta.cnf:1:37 unused-disable warning cnflint-disable-next-line directive: no 'opt-echo' problem to suppress; remove 'opt-echo' from it",
      'imta.cnf:2:1 no-foo warning FOO is shouting',
    ]);
  });

  test('the unused-disable fix removes just the unused id from a list', () => {
    const dir = tmpDir({ 'imta.cnf': ['! cnflint-disable-next-line opt-echo, shrink -- why', 'x AA $U@x', '! cnflint-disable-next-line shrink, opt-echo', 'y AA $U@x', ''].join('\n') });
    const [r] = lintDirectory(dir, { ...opts, fix: true, fixFilter: (m) => m.ruleId === 'unused-disable' });
    expect(r.output).toBe(['! cnflint-disable-next-line shrink -- why', 'x AA $U@x', '! cnflint-disable-next-line shrink', 'y AA $U@x', ''].join('\n'));
    expect(r.messages).toEqual([]);
  });

  test('disable … enable; a blanket disable; enable of one rule inside a blanket disable', () => {
    const text = ['FOO $U@1', '! cnflint-disable no-foo', 'FOO $U@2', '! cnflint-enable no-foo', 'FOO $U@3', '! cnflint-disable', 'FOO AA $U@4', '! cnflint-enable shrink', 'FOO AA $U@5', ''].join('\n');
    const [r] = lint(text);
    expect(r.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['1 no-foo', '5 no-foo', '9 shrink']);
    expect(r.suppressedMessages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['3 no-foo', '7 no-foo', '7 shrink', '9 no-foo']);
  });

  test('disable-file anywhere in the file', () => {
    const [r] = lint(['FOO $U@1', 'FOO $U@2', '! cnflint-disable-file no-foo', ''].join('\n'));
    expect(r.messages).toEqual([]);
    expect(r.suppressedMessages).toHaveLength(2);
  });

  test('a directive that suppresses nothing is unused-disable, fixable by removing its line', () => {
    const dir = tmpDir({ 'imta.cnf': ['a $U@1', '! cnflint-disable-next-line no-foo', 'b $U@2', '! cnflint-disable-file', ''].join('\n') });
    const [r] = lintDirectory(dir, opts);
    expect(flat([r])).toEqual([
      "imta.cnf:2:1 unused-disable warning unused cnflint-disable-next-line directive: no 'no-foo' problem to suppress; remove it",
      'imta.cnf:4:1 unused-disable warning unused cnflint-disable-file directive: there is no problem to suppress; remove it',
    ]);
    const [fixed] = lintDirectory(dir, { ...opts, fix: true });
    expect(fixed.output).toBe('a $U@1\nb $U@2\n');
    expect(fixed.messages).toEqual([]);
  });

  test('unknown rule ids in a directive are reported with a suggestion, even on a single file', () => {
    const dir = tmpDir({ 'x.cnf': ['! cnflint-disable-next-line no-fooo', 'FOO $U@1', ''].join('\n') });
    const [r] = lintFiles([path.join(dir, 'x.cnf')], opts);
    expect(flat([r])).toEqual(["x.cnf:1:29 unused-disable warning cnflint-disable-next-line names an unknown rule 'no-fooo'; did you mean 'no-foo'?", 'x.cnf:2:1 no-foo warning FOO is shouting']);
  });

  test('unused directives are not judged on single files or for rules turned off', () => {
    const dir = tmpDir({ 'x.cnf': ['! cnflint-disable-next-line shrink', 'a $U@1', ''].join('\n'), 'imta.cnf': ['! cnflint-disable-next-line shrink', 'a $U@1', ''].join('\n') });
    expect(flat(lintFiles([path.join(dir, 'x.cnf')], opts))).toEqual([]);
    expect(flat(lintDirectory(dir, { ...opts, config: { rules: { shrink: 'off' } } }))).toEqual([]);
    expect(flat(lintDirectory(dir, { ...opts, config: { rules: { 'unused-disable': 'off' } } }))).toEqual([]);
  });

  test("'#' and ';' comments work in option files; '!' too", () => {
    const jc = ['# cnflint-disable-next-line no-foo', 'FOO=1', '; cnflint-disable-next-line no-foo', 'FOO=2', '! cnflint-disable-next-line no-foo', 'FOO=3', 'FOO=4', ''].join('\n');
    const [r] = lintFiles([path.join(tmpDir({ 'job_controller.cnf': jc }), 'job_controller.cnf')], opts);
    expect(r.messages.map((m) => m.line)).toEqual([7]);
    expect(r.suppressedMessages.map((m) => m.line)).toEqual([2, 4, 6]);
  });

  test("'#' is not a comment in imta.cnf, so it is no directive there", () => {
    const [r] = lint(['# cnflint-disable-next-line no-foo', 'FOO $U@1', ''].join('\n'));
    expect(r.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['2 no-foo']);
    expect(r.suppressedMessages).toEqual([]);
  });

  test('syntax messages can be suppressed; unused-disable cannot', () => {
    const [r] = lint(['a $U@b', '! cnflint-disable-next-line syntax', '<IMTA_TABLE:missing.rules', ''].join('\n'));
    expect(r.messages).toEqual([]);
    expect(r.suppressedMessages.map((m) => m.ruleId)).toEqual(['syntax']);
  });
});

describe('fixes', () => {
  test('the fix loop repeats until nothing is left to fix', () => {
    const dir = tmpDir({ 'imta.cnf': 'x AAAA $U@b\n' });
    const [r] = lintDirectory(dir, { ...opts, fix: true });
    expect(r.output).toBe('x A $U@b\n');
    expect(r.source).toBe('x AAAA $U@b\n');
    expect(r.messages).toEqual([]);
    expect(read(dir, 'imta.cnf')).toBe('x AAAA $U@b\n'); // nothing written by the engine
  });

  test(`at most ${MAX_FIX_PASSES} passes; remaining problems are reported against the output`, () => {
    const dir = tmpDir({ 'imta.cnf': `x ${'A'.repeat(MAX_FIX_PASSES + 3)} $U@b\n` });
    const [r] = lintDirectory(dir, { ...opts, fix: true });
    expect(r.output).toBe(`x AAA $U@b\n`);
    expect(flat([r])).toEqual(['imta.cnf:1:3 shrink error run of 3']);
  });

  test('a fix that changes nothing ends the loop instead of being applied ten times', () => {
    const dir = tmpDir({ 'imta.cnf': 'NOOP $U@b\n' });
    noop.runs = 0;
    const [r] = lintDirectory(dir, { ...opts, fix: true });
    expect(r.output).toBeUndefined();
    expect(noop.runs).toBe(1);
    expect(flat([r])).toEqual(['imta.cnf:1:1 noop warning noop']);
  });

  test('overlapping fixes wait for the next pass; all are applied in the end', () => {
    const dir = tmpDir({ 'imta.cnf': 'FOO $U@b\nFOOFOO $U@c\n' });
    const [r] = lintDirectory(dir, { ...opts, fix: true });
    expect(r.output).toBe('foo $U@b\nfoofoo $U@c\n');
  });

  test('fixFilter limits which fixes are applied (--quiet: errors only)', () => {
    const dir = tmpDir({ 'imta.cnf': 'FOO AA $U@b\n' });
    const [r] = lintDirectory(dir, { ...opts, fix: true, fixFilter: (m) => m.severity === 'error' });
    expect(r.output).toBe('FOO A $U@b\n');
    expect(flat([r])).toEqual(['imta.cnf:1:1 no-foo warning FOO is shouting']);
  });

  test('suppressed problems are not fixed', () => {
    const dir = tmpDir({ 'imta.cnf': '! cnflint-disable-next-line no-foo\nFOO $U@b\n' });
    const [r] = lintDirectory(dir, { ...opts, fix: true });
    expect(r.output).toBeUndefined();
  });

  test('fixes in included files; outputFixes writes only the changed files, keeping their mode', () => {
    const dir = tmpDir({ 'imta.cnf': IMTA.replace('FOO', 'ok'), 'internet.rules': RULES_FILE });
    fs.chmodSync(path.join(dir, 'internet.rules'), 0o640);
    const results = lintDirectory(dir, { ...opts, fix: true });
    expect(results.map((r) => [r.relPath, r.output !== undefined])).toEqual([
      ['imta.cnf', false],
      ['internet.rules', true],
    ]);
    expect(outputFixes(results)).toEqual([path.join(dir, 'internet.rules')]);
    expect(read(dir, 'internet.rules')).toBe(RULES_FILE.replace('FOO', 'foo'));
    expect(fs.statSync(path.join(dir, 'internet.rules')).mode & 0o777).toBe(0o640);
  });

  test('outputFixes refuses a file that changed on disk since it was read', () => {
    const dir = tmpDir({ 'imta.cnf': 'FOO $U@b\n' });
    const results = lintDirectory(dir, { ...opts, fix: true });
    fs.writeFileSync(path.join(dir, 'imta.cnf'), 'FOO $U@changed\n');
    expect(() => outputFixes(results)).toThrow(WriteError);
    expect(read(dir, 'imta.cnf')).toBe('FOO $U@changed\n');
  });

  test('only fixable rules make fixable counts', () => {
    const dir = tmpDir({ 'imta.cnf': 'FOO AA OPT $U@b\n' });
    const [r] = lintDirectory(dir, opts);
    expect(r).toMatchObject({ errorCount: 1, warningCount: 1, infoCount: 1, fixableErrorCount: 1, fixableWarningCount: 1, fixableInfoCount: 0 });
  });
});

describe('robustness', () => {
  test('a crashing rule is a LintInternalError naming the rule and the file', () => {
    const dir = tmpDir({ 'imta.cnf': 'CRASH $U@b\n' });
    expect(() => lintDirectory(dir, opts)).toThrow(LintInternalError);
    expect(() => lintDirectory(dir, opts)).toThrow(`rule 'crashy' failed on ${dir}: boom`);
  });

  test('out-of-range reports are clamped, not thrown', () => {
    const wild = { meta: { id: 'wild', description: '', severity: 'error' as const, fixable: false }, create: (ctx: any) => ctx.report({ file: ctx.model.files[0], start: -5, end: 1e9, message: 'm' }) };
    const [r] = lintText('a $U@b\n', { rules: [wild], configFile: false });
    expect(r.messages.map((m) => [m.line, m.column, m.endLine, m.endColumn])).toEqual([[1, 1, 2, 1]]);
  });

  test('a file given twice, or included by another given file, has one result', () => {
    const dir = tmpDir({ 'imta.cnf': IMTA, 'internet.rules': RULES_FILE });
    const results = lintFiles([path.join(dir, 'imta.cnf'), path.join(dir, 'internet.rules'), path.join(dir, 'imta.cnf')], { rules: [noFoo], configFile: false });
    expect(results.map((r) => r.relPath)).toEqual(['imta.cnf', 'internet.rules']);
  });
});
