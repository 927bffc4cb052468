// The cnftest CLI end to end, in process: main(argv, io) with captured output and stdin.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main, normalizeArgv, parseAnswers, type CliIO } from '../../src/cli/cnftest.js';
import { parseAssume } from '../../src/rewrite/lookup-keys.js';
import { loadConfig } from '../../src/model/load.js';
import { rewriteInputFromModel } from '../../src/rewrite/from-model.js';
import { compileRewriteConfig, parseRoutes, runRoutes } from '../../src/rewrite/index.js';
import { cleanupTmp, tmpDir } from '../lint/tmp.js';

afterAll(cleanupTmp);

const REPO = process.cwd();
const SIROE = 'examples/siroe';
const ROUTES = 'examples/siroe/routes.txt';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], opts: { cwd?: string; stdin?: string } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  let stdinReads = 0;
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    readStdin: async () => {
      stdinReads++;
      return opts.stdin ?? '';
    },
    cwd: opts.cwd ?? REPO,
    env: {},
  };
  const code = await main(argv, io);
  if (opts.stdin === undefined) expect(stdinReads).toBe(0);
  return { code, stdout, stderr };
}

/** The `key = value` lines of one address block. */
function fields(block: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const l of block.split('\n')) {
    const i = l.indexOf(' = ');
    if (i > 0 && !l.startsWith(' ') && !m.has(l.slice(0, i))) m.set(l.slice(0, i), l.slice(i + 3));
  }
  return m;
}

const NO_STACK = /\n\s+at .*\(|internal error/;

describe('cnftest routes', () => {
  test('the example routes file passes and reaches every channel of the example configuration', async () => {
    const r = await cli(['routes', ROUTES, '--config', SIROE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const cases = parseRoutes(fs.readFileSync(ROUTES, 'utf8')).cases;
    expect(lines[lines.length - 1]).toBe(`${cases.length} passed, 0 failed`);
    // One ok line per case, naming the file and the case's line.
    for (const c of cases) expect(lines).toContain(`${ROUTES}:${c.line}: ok   ${c.text.trim().replace(/\s+/g, ' ')}`);

    // Coverage, computed from the model: every channel is the destination of a passing case.
    const model = loadConfig(SIROE);
    const run = runRoutes(compileRewriteConfig(rewriteInputFromModel(model)), fs.readFileSync(ROUTES, 'utf8'));
    const reached = new Set(run.results.filter((x) => x.pass && x.result.channel).map((x) => x.result.channel!));
    expect([...reached].sort()).toEqual(model.channels.map((c) => c.name).sort());
    expect(lines).toContain(`channels reached: ${model.channels.length} of ${model.channels.length}`);
    // ... and the file has error and needs cases too.
    expect(cases.some((c) => c.expect.kind === 'error')).toBe(true);
    expect(cases.some((c) => c.expect.kind === 'needs')).toBe(true);
  });

  test('a wrong expectation fails with exit 1, expected vs actual and the file:line of the case', async () => {
    const dir = tmpDir({
      'routes.txt': ['! two right, two wrong', 'jdoe@acme.com => tcp_intranet', 'joe@siroe.com => l', 'joe@siroe.com => l joe@elsewhere.com', 'x@hold => hold'].join('\n'),
    });
    const file = path.join(dir, 'routes.txt');
    const r = await cli(['routes', file, '--config', SIROE]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:2: FAIL jdoe@acme.com => tcp_intranet\n    expected channel tcp_intranet, got channel tcp_local (jdoe@acme.com)\n`);
    expect(r.stdout).toContain(`${file}:4: FAIL joe@siroe.com => l joe@elsewhere.com\n    expected address joe@elsewhere.com, got joe@siroe.com\n`);
    // The probe trace of a failed case names the rule and where it is.
    expect(r.stdout).toMatch(/\| +Rule \.com \$U%\$H\$D@tcp-daemon \(internet\.rules:5\): succeeded/);
    expect(r.stdout).toContain(`${file}:3: ok   joe@siroe.com => l\n`);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe('2 passed, 2 failed');
    expect(lines).toContain('channels reached: 2 of 11 (not reached: ims-ms, tcp_local, tcp_intranet, tcp_auth, tcp_submit, conversion, reprocess, process, bitbucket)');
  });

  test('an unreadable line is a failure with its line number; an unanswered lookup says how to answer it', async () => {
    const dir = tmpDir({ 'r.txt': 'joe@siroe.com l\nx@[192.0.2.1] -backward => tcp_local\njoe@siroe.com -nosuch => l\n' });
    const r = await cli(['routes', 'r.txt', '--config', path.join(REPO, SIROE)], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("r.txt:1: FAIL cannot read this case: missing ' => ' between the address and the expected result\n");
    expect(r.stdout).toContain('r.txt:2: FAIL x@[192.0.2.1] -backward => tcp_local\n    expected channel tcp_local, got error: needs ${INTERNAL_IP,192.0.2.1}\n');
    expect(r.stdout).toContain('answer the lookup with -assume="${INTERNAL_IP,192.0.2.1}=RESULT"');
    expect(r.stdout).toContain('r.txt:3: FAIL cannot read this case: unknown option -nosuch');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('0 passed, 3 failed');
  });

  test('--answers and --assume apply to every case', async () => {
    const dir = tmpDir({
      'r.txt': 'x@[192.0.2.1] -backward => tcp_local\nx@[192.168.10.5] -backward => tcp_intranet\n',
      'answers.txt': '! INTERNAL_IP as mappings has it\n${INTERNAL_IP,192.168.10.5}  ""\n${INTERNAL_IP}  <fail>\n',
    });
    const r = await cli(['routes', 'r.txt', '-c', path.join(REPO, SIROE), '--answers', 'answers.txt'], { cwd: dir });
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('2 passed, 0 failed');
    expect(r.code).toBe(0);
    const a = await cli(['routes', 'r.txt', '-c', path.join(REPO, SIROE), '--assume', '${INTERNAL_IP}=<fail>'], { cwd: dir });
    expect(a.stdout.trimEnd().split('\n').pop()).toBe('1 passed, 1 failed');
  });

  test('--debug prints the trace of passing cases too', async () => {
    const dir = tmpDir({ 'r.txt': 'jdoe@acme.com => tcp_local\n' });
    const r = await cli(['routes', path.join(dir, 'r.txt'), '-c', SIROE, '--debug']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('    | Looking up ".com": 1 rule(s)');
  });

  test('an empty routes file passes but says it has no cases', async () => {
    const dir = tmpDir({ 'r.txt': '! nothing yet\n' });
    const r = await cli(['routes', 'r.txt', '-c', path.join(REPO, SIROE)], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('r.txt: no cases');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('0 passed, 0 failed');
  });
});

describe('cnftest rewrite', () => {
  test('prints the channel, its official host, the rewritten address and the four forms', async () => {
    const r = await cli(['rewrite', 'jdoe@acme.com', '--config', SIROE]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const f = fields(r.stdout);
    expect(r.stdout.startsWith('Address: jdoe@acme.com\nchannel = tcp_local\n')).toBe(true);
    expect(f.get('channel official host')).toBe('tcp-daemon');
    expect(f.get('channel envelope address type')).toBe('SOURCEROUTE');
    expect(f.get('routing host')).toBe('tcp-daemon');
    expect(f.get('rewritten address')).toBe('jdoe@acme.com');
    expect(f.get('envelope To: address')).toBe('jdoe@acme.com');
    expect(f.get('header From: address')).toBe('jdoe@acme.com');
    expect(f.get('backward channel')).toBe('tcp_local');
    // Keywords in force, defaults included, with their arguments.
    expect(f.get('channel keywords')).toMatch(/^LOGGING NOTICES 1 2 4 7 .* SMTP MX .*SASLSWITCHCHANNEL tcp_auth$/);
    expect(f.has('channel local alias')).toBe(false);
  });

  test('the configuration directory defaults to the current directory', async () => {
    const r = await cli(['rewrite', 'joe'], { cwd: path.join(REPO, SIROE) });
    expect(r.code).toBe(0);
    expect(fields(r.stdout).get('channel')).toBe('l');
    expect(fields(r.stdout).get('envelope To: address')).toBe('joe@mail.siroe.com');
  });

  test('local alias, proper names (envelope To differs from the rewritten address), address styles and group ids', async () => {
    const dir = tmpDir({
      'imta.cnf': [
        '.bigcorp.com $U%$H$D@bigcorp-daemon',
        'uu.test $U%uu.test@uucp-daemon',
        '',
        'l',
        'mail.example.org mailhub',
        '',
        'bigcorp smtp 733 mygroup',
        'bigcorp-daemon',
        'legacy.bigcorp.com proper.bigcorp.com',
        '',
        'uucp_out uucp header_uucp',
        'uucp-daemon',
        '',
      ].join('\n'),
    });
    const l = fields((await cli(['rewrite', 'joe', '-c', dir])).stdout);
    expect(l.get('channel')).toBe('l');
    expect(l.get('channel local alias')).toBe('mailhub');
    const b = await cli(['rewrite', 'joe@legacy.bigcorp.com', '-c', dir]);
    const bf = fields(b.stdout);
    expect(bf.get('channel')).toBe('bigcorp');
    expect(bf.get('rewritten address')).toBe('joe@legacy.bigcorp.com');
    expect(bf.get('envelope To: address')).toBe('joe@proper.bigcorp.com');
    expect(bf.get('channel envelope address type')).toBe('PERCENT');
    expect(bf.get('channel header address type')).toBe('SOURCEROUTE');
    expect(bf.get('channel keywords')).toBe('SMTP 733');
    expect(bf.get('channel group ids')).toBe('mygroup');
    const u = fields((await cli(['rewrite', 'joe@uu.test', '-c', dir])).stdout);
    expect(u.get('channel')).toBe('uucp_out');
    expect(u.get('rewritten address')).toBe('uu.test!joe');
    expect(u.get('channel envelope address type')).toBe('BANG');
    expect(u.get('channel header address type')).toBe('BANG');
  });

  test('several addresses from standard input, one per line; a bad one fails alone', async () => {
    const stdin = 'joe@siroe.com\n\n! a comment\njdoe@acme.com\r\njoe@\nx@hold\n';
    const r = await cli(['rewrite', '-c', SIROE], { stdin });
    expect(r.code).toBe(1);
    const blocks = r.stdout.trimEnd().split('\n\n');
    expect(blocks.map((b) => b.split('\n')[0])).toEqual(['Address: joe@siroe.com', 'Address: jdoe@acme.com', 'Address: joe@', 'Address: x@hold']);
    expect(blocks.map((b) => fields(b).get('channel') ?? fields(b).get('error'))).toEqual(['l', 'tcp_local', 'malformed address: empty domain', 'hold']);
    expect(r.stderr).toBe('');
  });

  test('several addresses on the command line; exit 0 when all route', async () => {
    const r = await cli(['rewrite', 'joe', 'x@reprocess', 'x@conversion.mail.siroe.com', '-c', SIROE]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n\n').map((b) => fields(b).get('channel'))).toEqual(['l', 'reprocess', 'conversion']);
  });

  test('no address at all is a usage error', async () => {
    const r = await cli(['rewrite', '-c', SIROE], { stdin: '\n! only a comment\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cnftest: no address to rewrite');
  });

  test('--json prints one result object per line', async () => {
    const r = await cli(['rewrite', '--json', '-c', SIROE], { stdin: 'joe\njoe@[1.2.3\nx@[192.0.2.1]\n' });
    expect(r.code).toBe(1);
    const objs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objs).toHaveLength(3);
    expect(objs[0]).toEqual({ input: 'joe', channel: 'l', officialHost: 'mail.siroe.com', routingHost: 'mail.siroe.com', address: 'joe@mail.siroe.com', envelopeTo: 'joe@mail.siroe.com' });
    expect(objs[1]).toEqual({ input: 'joe@[1.2.3', error: "malformed address: unbalanced [ in domain literal '[1.2.3'" });
    expect(objs[2]).toMatchObject({ channel: 'tcp_local', address: 'x@[192.0.2.1]' });
  });

  test('--debug prints every probe before the result; --json --debug includes the trace', async () => {
    const r = await cli(['rewrite', 'pat@eng.siroe.com', '--debug', '-c', SIROE]);
    const lines = r.stdout.split('\n');
    const probe = lines.indexOf('  Looking up "eng.siroe.com": no rule');
    expect(probe).toBeGreaterThan(0);
    expect(lines).toContain('  Looking up ".siroe.com": 1 rule(s)');
    expect(lines.indexOf('channel = tcp_intranet')).toBeGreaterThan(probe);
    const j = JSON.parse((await cli(['rewrite', 'pat@eng.siroe.com', '--debug', '--json', '-c', SIROE])).stdout) as { trace: { step: string }[] };
    expect(j.trace.some((t) => t.step === 'probe')).toBe(true);
  });

  test('--header and --backward decide the channel; --source-channel and --from are used', async () => {
    const h = fields((await cli(['rewrite', 'x@hold', '--header', '-c', SIROE])).stdout);
    expect(h.get('channel')).toBe('tcp_local');
    expect(h.get('envelope To: address')).toBe('x@hold.mail.siroe.com');
    const b = await cli(['rewrite', 'x@[192.0.2.1]', '--backward', '-c', SIROE]);
    expect(b.code).toBe(1);
    expect(fields(b.stdout).get('needs')).toBe('${INTERNAL_IP,192.0.2.1}');
    const f = fields((await cli(['rewrite', 'joe@acme.com', '--from', 'pat@eng.siroe.com', '--source-channel', 'tcp_intranet', '-c', SIROE])).stdout);
    expect(f.get('from address')).toBe('pat@eng.siroe.com');
    expect(f.get('from channel')).toBe('tcp_intranet');
    const w = fields((await cli(['rewrite', 'joe@acme.com', '--source-channel', 'nosuch', '-c', SIROE])).stdout);
    expect(w.get('warning')).toBe('source channel nosuch is not defined');
  });

  test('imsimta spelling of the options is accepted', async () => {
    expect(normalizeArgv(['-source_channel=tcp_local', '-backward', '-envelope', '-debug', '-x', '--', '-from=a'])).toEqual([
      '--source-channel=tcp_local',
      '--backward',
      '--no-header',
      '--debug',
      '-x',
      '--',
      '-from=a',
    ]);
    const r = await cli(['rewrite', 'x@[192.168.10.5]', '-backward', '-assume=${INTERNAL_IP,192.168.10.5}=', '-c', SIROE]);
    expect(r.code).toBe(0);
    expect(fields(r.stdout).get('channel')).toBe('tcp_intranet');
  });

  test('an unanswered lookup: exit 1 with how to answer it; answered by --assume or an --answers file', async () => {
    const r = await cli(['rewrite', 'x@[192.168.10.5]', '--backward', '-c', SIROE]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("needs = ${INTERNAL_IP,192.168.10.5}\n  answer it with --assume '${INTERNAL_IP,192.168.10.5}=ANSWER'");
    const dir = tmpDir({ 'a.txt': '${INTERNAL_IP} <fail>\n' });
    const a = await cli(['rewrite', 'x@[192.168.10.5]', '--backward', '-c', SIROE, '--answers', path.join(dir, 'a.txt')]);
    expect(fields(a.stdout).get('channel')).toBe('tcp_local');
    // --assume wins over the answers file.
    const both = await cli(['rewrite', 'x@[192.168.10.5]', '--backward', '-c', SIROE, '--answers', path.join(dir, 'a.txt'), '--assume', '${INTERNAL_IP}=']);
    expect(fields(both.stdout).get('channel')).toBe('tcp_intranet');
  });

  test('bad addresses: a clear error per address, never a crash', async () => {
    const long = `${'x'.repeat(10 * 1024)}@siroe.com`;
    const cases: [string, RegExp][] = [
      ['joe@', /^malformed address: empty domain$/],
      ['@siroe.com', /^malformed address/],
      ['%joe@mail.siroe.com', /^malformed address: empty local part/],
      ['joe!@mail.siroe.com', /^malformed address: empty local part/],
      ['x@[10.1.2.3', /^malformed address: unbalanced \[/],
      ['x@10.1.2.3]', /^malformed address: unbalanced \]/],
      ['"joe@siroe.com', /^malformed address/],
      ['<joe@siroe.com', /^malformed address/],
      ['joe@@siroe.com', /^malformed address/],
      ['joe@si roe.com', /^malformed address/],
      ['joe@siroe..com', /^malformed address: empty label/],
      ['joe@\u0000siroe.com', /^malformed address/],
      [long, /^malformed address: longer than 1024 characters$/],
    ];
    const r = await cli(['rewrite', '-c', SIROE], { stdin: cases.map((c) => c[0]).join('\n') });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(NO_STACK);
    const blocks = r.stdout.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(cases.length);
    blocks.forEach((b, i) => expect(fields(b).get('error')).toMatch(cases[i]![1]));
    // The same on the command line, one at a time.
    for (const [a, re] of cases.slice(0, 3)) {
      const one = await cli(['rewrite', a, '-c', SIROE]);
      expect(one.code).toBe(1);
      expect(fields(one.stdout).get('error')).toMatch(re);
    }
  });
});

describe('configuration and usage errors', () => {
  test('a missing configuration directory: exit 2 and a clear message', async () => {
    const r = await cli(['rewrite', 'joe', '--config', 'no/such/dir']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "cnftest: configuration directory 'no/such/dir' does not exist\n" });
    const rr = await cli(['routes', ROUTES, '--config', 'no/such/dir']);
    expect(rr.code).toBe(2);
    expect(rr.stderr).toContain("'no/such/dir' does not exist");
  });

  test('a directory without imta.cnf (the current one by default), or a file: exit 2', async () => {
    const dir = tmpDir({ 'README': 'not a config\n' });
    const r = await cli(['rewrite', 'joe'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cnftest: no imta.cnf in the current directory: pass --config with the MTA configuration directory (msg-svr-base/config)\n');
    const f = await cli(['rewrite', 'joe', '-c', path.join(dir, 'README')]);
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('is not a directory');
  });

  test('a missing routes file or answers file: exit 2', async () => {
    const r = await cli(['routes', 'no-such-routes.txt', '-c', SIROE]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "cnftest: cannot read routes file 'no-such-routes.txt': no such file\n" });
    const a = await cli(['rewrite', 'joe', '-c', SIROE, '--answers', 'no-such-answers']);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe("cnftest: cannot read answers file 'no-such-answers': no such file\n");
  });

  test('a bad answers file: exit 2 naming file:line', async () => {
    const dir = tmpDir({ 'a.txt': '! ok\n$(siroe) $U%eng.siroe.com@siroenet\n${INTERNAL_IP\nsiroe x\n$(siroe) again\n$Vexample.com\n' });
    const r = await cli(['rewrite', 'joe', '-c', path.join(REPO, SIROE), '--answers', 'a.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("a.txt:3: unclosed lookup '${INTERNAL_IP': missing '}'");
    expect(r.stderr).toContain("a.txt:4: 'siroe x' is not a lookup");
    expect(r.stderr).toContain('a.txt:5: $(siroe) is answered twice (first on line 2)');
    expect(r.stderr).toContain('a.txt:6: no answer for $Vexample.com');
  });

  test('a bad --assume: exit 2', async () => {
    const r = await cli(['rewrite', 'joe', '-c', SIROE, '--assume', 'novalue']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--assume 'novalue' is not a lookup");
    const n = await cli(['rewrite', 'joe', '-c', SIROE, '--assume', '$(siroe)']);
    expect(n.code).toBe(2);
    expect(n.stderr).toContain('--assume needs LOOKUP=ANSWER');
  });

  test('usage errors: no command, unknown command or option, routes without a file', async () => {
    for (const argv of [[], ['frobnicate'], ['rewrite', 'joe', '--nosuch'], ['routes']]) {
      const r = await cli(argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^cnftest: .+\nRun cnftest --help for usage\.\n$/);
    }
  });

  test('--help and --version', async () => {
    const h = await cli(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('cnftest rewrite [address..]');
    expect(h.stdout).toContain('cnftest routes <file>');
    const v = await cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toBe(`${JSON.parse(fs.readFileSync('package.json', 'utf8')).version}\n`);
  });

  test('a missing include is reported as a warning (its rules are not simulated)', async () => {
    const dir = tmpDir({ 'imta.cnf': 'a.test $U%a.test@l-host\n<IMTA_TABLE:missing.rules\n\nl\nl-host\n' });
    const r = await cli(['rewrite', 'joe@a.test', '-c', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^cnftest: warning: imta\.cnf:2: included file 'IMTA_TABLE:missing\.rules' does not exist/);
  });
});

describe('lookup answers', () => {
  test('parseAssume splits at the end of a bracketed lookup, otherwise at the first =', () => {
    expect(parseAssume('${INTERNAL_IP,$L}=')).toEqual(['${INTERNAL_IP,$L}', '']);
    expect(parseAssume('$(a=b)=x=y')).toEqual(['$(a=b)', 'x=y']);
    expect(parseAssume('$]ldap:///o=x?mail[=joe%x@y')).toEqual(['$]ldap:///o=x?mail[', 'joe%x@y']);
    expect(parseAssume('$Vexample.com=local')).toEqual(['$Vexample.com', 'local']);
    expect(parseAssume('*=<fail>')).toEqual(['*', '<fail>']);
    expect(typeof parseAssume('$(x)y=1')).toBe('string');
  });

  test('parseAnswers: one LOOKUP ANSWER per line; bracketed lookups may hold blanks', () => {
    const a = parseAnswers('! c\n\n$(a key)   $U%x@y  \n${M,1.2.3.4} ""\n$Z "remote"\n$][ <fail>\n');
    expect(a).toEqual({ answers: { '$(a key)': '$U%x@y', '${M,1.2.3.4}': '', $Z: 'remote', '$][': '<fail>' }, problems: [] });
    expect(parseAnswers('$(x)y z').problems).toEqual([{ line: 1, message: 'blank expected after the lookup $(x)' }]);
  });
});

describe('bin/cnftest.js', () => {
  const built = fs.existsSync(path.join(REPO, 'dist/src/cli/cnftest.js'));
  if (!built) console.warn('bin/cnftest.js spawn test skipped: dist/ is missing (run `npm run build` first)');
  (built ? test : test.skip)('runs the built CLI: the example routes pass, standard input is read, a missing config exits 2', () => {
    const ok = spawnSync(process.execPath, ['bin/cnftest.js', 'routes', ROUTES, '--config', SIROE], { cwd: REPO, encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/\n\d+ passed, 0 failed\n$/);
    const piped = spawnSync(process.execPath, ['bin/cnftest.js', 'rewrite', '-c', SIROE], { cwd: REPO, encoding: 'utf8', input: 'joe\njoe@\n' });
    expect(piped.status).toBe(1);
    expect(piped.stdout).toContain('Address: joe\nchannel = l\n');
    expect(piped.stdout).toContain('Address: joe@\nerror = malformed address: empty domain\n');
    const missing = spawnSync(process.execPath, ['bin/cnftest.js', 'rewrite', 'joe', '-c', 'no/such/dir'], { cwd: REPO, encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("cnftest: configuration directory 'no/such/dir' does not exist\n");
  });
});
