// The plugin through Prettier itself: the API (prettier.format with the plugin object) and
// the real CLI, with the plugin bundled by esbuild into a temporary directory (the tests
// run the TypeScript sources; there is no dist/ here).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import * as prettier from 'prettier';
import * as plugin from '../../src/format/plugin.js';
import { formatText } from '../../src/format/core.js';
import { exampleSamples } from './meaning.js';

const siroe = exampleSamples().find((s) => s.name === 'examples/siroe/imta.cnf')!.text;

describe('prettier API', () => {
  test('the plugin exports languages, parsers, printers and options', () => {
    expect(Object.keys(plugin.parsers).sort()).toEqual(['imta-channels', 'imta-cnf', 'mta-options']);
    expect(plugin.languages.map((l) => l.name)).toEqual(['imta.cnf', 'imta.cnf channels', 'job_controller.cnf', 'dispatcher.cnf', 'option.dat']);
    expect(Object.keys(plugin.options).sort()).toEqual(['cnfAlignCap', 'cnfAlignTemplates', 'cnfIndent']);
    expect(plugin.printers[plugin.AST_FORMAT]).toBeDefined();
  });

  test('format with an explicit parser gives what formatText gives', async () => {
    const out = await prettier.format(siroe, { parser: 'imta-cnf', plugins: [plugin] });
    expect(out).toBe(formatText(siroe, 'imta.cnf'));
    expect(out).not.toBe(siroe);
  });

  test('plugin options and printWidth reach the formatter', async () => {
    const opts = { printWidth: 50, cnfIndent: 4, cnfAlignTemplates: false, cnfAlignCap: 12 };
    const out = await prettier.format(siroe, { parser: 'imta-cnf', plugins: [plugin], ...opts });
    expect(out).toBe(formatText(siroe, 'imta.cnf', opts));
    expect(out).toContain('\n    maxjobs');
    expect(out).toContain('\nmail $U%mail.siroe.com@mail.siroe.com\n');
  });

  test.each([
    ['conf/imta.cnf', 'a $U@a\nbb $U@b\n\nl\nh\n', 'a   $U@a\nbb  $U@b\n\nl\nh\n'],
    ['conf/internet.rules', '.com $U@tcp\n.info $U@tcp\n', '.com   $U@tcp\n.info  $U@tcp\n'],
    ['conf/job_controller.cnf', 'job_limit = 10\n', 'job_limit=10\n'],
    ['conf/dispatcher.cnf', '[SERVICE=SMTP]\nPORT = 25\n', '[SERVICE=SMTP]\nPORT=25\n'],
    ['conf/option.dat', 'LOG_CONNECTION = 1\n', 'LOG_CONNECTION=1\n'],
    ['conf/tcp_local_option', 'MAX_MX_RECORDS = 3\n', 'MAX_MX_RECORDS=3\n'],
    ['conf/imta_tailor', 'IMTA_ROOT = /opt/x/\n', 'IMTA_ROOT=/opt/x/\n'],
  ])('parser inferred from the file name: %s', async (filepath, input, expected) => {
    expect(await prettier.format(input, { filepath, plugins: [plugin] })).toBe(expected);
  });

  test('a channel file is formatted with the imta-channels parser', async () => {
    const text = 'tcp_x smtp\nx-daemon\n\n\n\ntcp_y smtp\ny-daemon\n';
    // Read as the start of an imta.cnf, the first block would be rewrite rules (aligned).
    expect(await prettier.format(text, { parser: 'imta-channels', plugins: [plugin] })).toBe('tcp_x smtp\nx-daemon\n\ntcp_y smtp\ny-daemon\n');
    expect(await prettier.format(text, { parser: 'imta-cnf', plugins: [plugin] })).toBe('tcp_x  smtp\nx-daemon\n\ntcp_y smtp\ny-daemon\n');
  });

  test('endOfLine: CRLF on request', async () => {
    expect(await prettier.format('a $U@a\n', { parser: 'imta-cnf', plugins: [plugin], endOfLine: 'crlf' })).toBe('a  $U@a\r\n');
  });

  test('a refused file is a syntax error with a line and column and a code frame', async () => {
    const err = await prettier.format('a $U@a\n  ! oops\n', { parser: 'imta-cnf', plugins: [plugin] }).then(
      () => undefined,
      (e: unknown) => e as Error & { loc?: unknown; codeFrame?: string },
    );
    expect(err).toBeInstanceOf(SyntaxError);
    expect(err!.loc).toEqual({ start: { line: 2, column: 3 } });
    expect(err!.message).toMatch(/starts a comment only in column 1.*\(2:3\)/);
    expect(err!.codeFrame).toContain('> 2 |   ! oops');
  });
});

describe('prettier CLI', () => {
  let dir: string;
  let bundle: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cnflint-prettier-'));
    bundle = path.join(dir, 'cnflint-prettier-plugin.mjs');
    await build({
      entryPoints: [path.resolve(process.cwd(), 'src/format/plugin.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      external: ['prettier'],
      outfile: bundle,
      logLevel: 'silent',
    });
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const prettierCli = (args: string[], input?: string) =>
    spawnSync(process.execPath, [path.resolve(process.cwd(), 'node_modules/prettier/bin/prettier.cjs'), ...args], {
      cwd: dir,
      input,
      encoding: 'utf8',
    });

  test('--write with a .prettierrc: plugins, options, and an override for channel files', () => {
    const conf = path.join(dir, 'conf');
    spawnSync('mkdir', ['-p', conf]);
    const files: Record<string, string> = {
      'imta.cnf': siroe,
      'job_controller.cnf': '[POOL=DEFAULT]\njob_limit = 10\n\n\n',
      'tcp_local_option': 'MAX_MX_RECORDS = 3\n',
      'channels.chans': 'tcp_x smtp mx single_sys maxjobs 7 pool SMTP_POOL maytlsserver maysaslserver saslswitchchannel tcp_auth\ntcp_x-daemon\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(conf, name), text);
    writeFileSync(
      path.join(dir, '.prettierrc'),
      JSON.stringify({ plugins: [bundle], cnfIndent: 3, overrides: [{ files: '*.chans', options: { parser: 'imta-channels' } }] }),
    );
    const r = prettierCli(['--write', ...Object.keys(files).map((f) => `conf/${f}`)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const got = (name: string) => readFileSync(path.join(conf, name), 'utf8');
    expect(got('imta.cnf')).toBe(formatText(siroe, 'imta.cnf', { cnfIndent: 3 }));
    expect(got('imta.cnf')).toContain('\n   maxjobs 2 pool IMS_POOL');
    expect(got('job_controller.cnf')).toBe('[POOL=DEFAULT]\njob_limit=10\n');
    expect(got('tcp_local_option')).toBe('MAX_MX_RECORDS=3\n');
    expect(got('channels.chans')).toBe(
      'tcp_x smtp mx single_sys maxjobs 7 pool SMTP_POOL maytlsserver maysaslserver \\\n   saslswitchchannel tcp_auth\ntcp_x-daemon\n',
    );
    // Formatted files pass --check.
    const check = prettierCli(['--check', ...Object.keys(files).map((f) => `conf/${f}`)]);
    expect(check.status).toBe(0);
    // --debug-check compares the meaning key of input and output (the plugin's AST).
    writeFileSync(path.join(conf, 'imta.cnf'), siroe);
    const debug = prettierCli(['--debug-check', ...Object.keys(files).map((f) => `conf/${f}`)]);
    expect(debug.stderr).toBe('');
    expect(debug.status).toBe(0);
  }, 60_000);

  test('a refused file: exit code 2 and file:line:column on stderr, file untouched', () => {
    const bad = path.join(dir, 'bad');
    spawnSync('mkdir', ['-p', bad]);
    const text = 'tcp_local smtp mx \\ \ntcp-daemon\n';
    writeFileSync(path.join(bad, 'imta.cnf'), text);
    const r = prettierCli(['--plugin', bundle, '--write', 'bad/imta.cnf']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("bad/imta.cnf: SyntaxError: '\\' followed by blanks at the end of the line is not a continuation");
    expect(r.stderr).toContain('(1:19)');
    expect(readFileSync(path.join(bad, 'imta.cnf'), 'utf8')).toBe(text);
  }, 60_000);

  test('stdin with --stdin-filepath picks the language by name', () => {
    const r = prettierCli(['--plugin', bundle, '--stdin-filepath', 'option.dat'], 'A = 1\n\n\nB= 2  \n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('A=1\n\nB=2\n');
  }, 60_000);
});
