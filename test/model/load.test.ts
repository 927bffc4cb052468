// The model of a configuration directory: values read from each construct, include
// resolution, and the cross-file lookups.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hostsOf } from '../../src/model/imta.js';
import { buildModel, ConfigError, loadConfig } from '../../src/model/load.js';

function tmpConfig(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnflint-model-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const imta = (text: string) => buildModel({ files: [{ relPath: 'imta.cnf', kind: 'imta.cnf', text }] });

describe('imta.cnf', () => {
  test('rules: pattern, tag, key, template with blanks and across continuations', () => {
    const m = imta('Example.COM  $U%$D@tcp-daemon  \nmtcp-force|. $U%$H@TCP-DAEMON\n. $?Unrecognized address; contact postmaster\nx ldap:///o=a?\\\nmail\n');
    expect(m.rules.map((r) => [r.pattern.text, r.tag, r.key, r.template])).toEqual([
      ['Example.COM', '', 'example.com', '$U%$D@tcp-daemon'],
      ['mtcp-force|.', 'mtcp-force|', '.', '$U%$H@TCP-DAEMON'],
      ['.', '', '.', '$?Unrecognized address; contact postmaster'],
      ['x', '', 'x', 'ldap:///o=a?mail'],
    ]);
    const r = m.rules[3];
    expect(m.imta!.text.slice(r.templateOffset(12), r.templateOffset(16))).toBe('mail');
    expect(m.rules[0].templateOffset(0)).toBe(13);
  });

  test('a rule read from a content run (lazily) and the same rule read word by word give the same values', () => {
    // The first rule is a plain line (read straight from the run's text, its strings made on
    // first use); the second is the same rule continued across a line, read word by word.
    const m = imta('Tag|Example.COM  $U%$D@tcp-daemon\nTag|Example.COM  $U%$D@\\\ntcp-daemon\n');
    const [run, words] = m.rules;
    for (const r of [run, words]) {
      expect([r.pattern.text, r.tag, r.key, r.template, r.node.kind]).toEqual(['Tag|Example.COM', 'Tag|', 'example.com', '$U%$D@tcp-daemon', 'RewriteRule']);
    }
    expect([run.pattern.start, run.pattern.end, run.templateRange]).toEqual([0, 15, { start: 17, end: 33 }]);
    expect([words.pattern.start, words.pattern.end, words.templateRange]).toEqual([34, 49, { start: 51, end: 69 }]);
    expect(m.imta!.text.slice(words.templateOffset(6), words.templateOffset(16))).toBe('tcp-daemon');
  });

  test('keyword ranges run from the keyword to its last argument, also for keywords put in force by defaults', () => {
    const m = imta('\ndefaults notices 1 2 4 copywarnpost\n\nl maxjobs 7 single_sys\nmail.example.com\n');
    const l = m.channels[0];
    const text = m.imta!.text;
    const at = (r: { start: number; end: number }) => text.slice(r.start, r.end);
    expect(l.keywords.map((k) => at(k.range))).toEqual(['maxjobs 7', 'single_sys']);
    expect(l.defaults.map((k) => [at(k.range), k.fromDefaults === m.defaults[0]])).toEqual([
      ['notices 1 2 4', true],
      ['copywarnpost', true],
    ]);
    // The defaults block's own uses are not marked as coming from defaults.
    expect(m.defaults[0].keywords.map((k) => k.fromDefaults)).toEqual([undefined, undefined]);
  });

  test('host lines: host, alias or proper name, and the ignored words after them, in a run and line by line', () => {
    for (const lineByLine of [false, true]) {
      const m = buildModel({ lineByLine, files: [{ relPath: 'imta.cnf', kind: 'imta.cnf', text: '\ntcp_x smtp\nx-daemon fw.example.com\nold.example.com New Name here\n' }] });
      const c = m.channels[0];
      expect(hostsOf(c).map((h) => [h.host.text, h.alias?.text, h.extra.map((w) => w.text), h.line.kind])).toEqual([
        ['x-daemon', 'fw.example.com', [], 'HostLine'],
        ['old.example.com', 'New', ['Name', 'here'], 'HostLine'],
      ]);
      expect(c.keywordLine).toBe(c.block.children[0]);
    }
  });

  test('a rule without a template is a diagnostic', () => {
    const m = imta('lonely\n');
    expect(m.diagnostics.map((d) => [d.code, d.start, d.end])).toEqual([['rule-without-template', 0, 6]]);
  });

  test('channels: keywords by arity, official host with local alias, extra hosts with proper names', () => {
    const m = imta(
      '\nl maxjobs 7 pool LOCAL_POOL\nmail.example.com\n\n' +
        'tcp_local smtp notices 1 2, 4 backoff "pt5m" \u201cpt2h\u201d defaulthost a.com b.com saslswitchchannel \\\ntcp_auth daemon\nTCP-DAEMON fw.example.com\nold.example.com new.example.com\nother\n',
    );
    expect(m.channels.map((c) => c.name)).toEqual(['l', 'tcp_local']);
    const t = m.channels[1];
    expect(t.keywords.map((k) => [k.key, k.args.map((a) => a.text), !!k.info, k.missingArgument])).toEqual([
      ['smtp', [], true, false],
      ['notices', ['1', '2,', '4'], true, false],
      ['backoff', ['"pt5m"', '\u201cpt2h\u201d'], true, false],
      ['defaulthost', ['a.com', 'b.com'], true, false],
      ['saslswitchchannel', ['tcp_auth'], true, false],
      ['daemon', [], true, true],
    ]);
    expect(t.keywords[2].args[1]).toMatchObject({ quoted: true, curlyQuotes: true, value: 'pt2h' });
    expect([t.officialHost!.host.text, t.officialHost!.alias!.text]).toEqual(['TCP-DAEMON', 'fw.example.com']);
    expect(t.extraHosts.map((h) => [h.host.text, h.alias?.text])).toEqual([
      ['old.example.com', 'new.example.com'],
      ['other', undefined],
    ]);
    expect(m.channelForHost('tcp-daemon')).toBe(t);
    expect(m.channel('TCP_LOCAL')).toBe(t);
  });

  test('unknown tokens are kept as keyword uses without info (the MTA makes them group ids)', () => {
    const m = imta('\nb_channel 733 network\nb\n');
    expect(m.channels[0].keywords.map((k) => [k.key, k.info?.name])).toEqual([
      ['733', '733'],
      ['network', undefined],
    ]);
  });

  test('words joined across a continuation without blanks fuse, as the MTA joins the lines', () => {
    const m = imta('\nl ident\\\nnonenumeric\nhost\n');
    expect(m.channels[0].keywords.map((k) => [k.word.text, k.word.fused, k.info?.name])).toEqual([['identnonenumeric', true, 'identnonenumeric']]);
  });

  test('defaults accumulate, later blocks see them, nodefaults resets; host lines of defaults are ignored', () => {
    const m = imta('\ndefaults logging\nignored line\n\nl\nh\n\ndefaults nologging mx\n\na\nha\n\nnodefaults\n\nb\nhb\n');
    expect(m.defaults.map((d) => [d.kind, d.keywords.map((k) => k.key), d.ignoredLines.length])).toEqual([
      ['defaults', ['logging'], 1],
      ['defaults', ['nologging', 'mx'], 0],
      ['nodefaults', [], 0],
    ]);
    expect(m.channels.map((c) => [c.name, c.defaults.map((k) => k.key)])).toEqual([
      ['l', ['logging']],
      ['a', ['logging', 'nologging', 'mx']],
      ['b', []],
    ]);
    // The later default of the LOGGING group wins; a channel's own keyword beats a default of its group.
    expect(m.effectiveKeywords(m.channels[1]).map((k) => k.key)).toEqual(['nologging', 'mx']);
  });

  test('a block without its host line has no official host; a \\ followed by blanks is recorded', () => {
    const m = imta('\ntcp_siroe smtp \\  \n', );
    expect(m.channels[0].officialHost).toBeUndefined();
    expect(m.channels[0].keywords.map((k) => k.key)).toEqual(['smtp']);
    expect(m.channels[0].brokenContinuations).toEqual([{ start: 16, end: 17 }]);
  });

  test('a fragment can start in the channel table', () => {
    const m = buildModel({ files: [{ relPath: 'f.cnf', kind: 'imta.cnf', text: 'tcp_a smtp\nTCP-A\n', start: 'channels' }] });
    expect(m.rules).toEqual([]);
    expect(m.channels.map((c) => c.name)).toEqual(['tcp_a']);
  });
});

describe('option files', () => {
  test('job_controller.cnf: globals, pools with job_limit, channel sections with prefix matching', () => {
    const m = buildModel({
      files: [
        {
          relPath: 'job_controller.cnf',
          kind: 'job_controller.cnf',
          text: 'sync_time = 02:00\n[POOL=DEFAULT]\njob_limit=10\n[POOL=SMTP_POOL]\njob_limit=1\n[CHANNEL=tcp_*]\nmaster_command=x\n[CHANNEL=tcp_local]\n[CHANNEL=t*]\n',
        },
      ],
    });
    const jc = m.jobController!;
    expect(jc.globals.map((s) => [s.key, s.value])).toEqual([['SYNC_TIME', '02:00']]);
    expect(jc.pools.map((p) => [p.name, p.jobLimit?.value])).toEqual([
      ['DEFAULT', '10'],
      ['SMTP_POOL', '1'],
    ]);
    expect(m.pool('smtp_pool')?.name).toBe('SMTP_POOL');
    expect(m.channelSection('tcp_local')?.value).toBe('tcp_local');
    expect(m.channelSection('tcp_intranet')?.value).toBe('tcp_*');
    expect(m.channelSection('tx')?.value).toBe('t*');
    expect(m.channelSection('l')).toBeUndefined();
  });

  test('SIMS [QUEUE=] sections are pools', () => {
    const m = buildModel({ files: [{ relPath: 'job_controller.cnf', kind: 'job_controller.cnf', text: '[QUEUE=DEFAULT]\njob_limit=10\n' }] });
    expect(m.jobController!.pools.map((p) => p.name)).toEqual(['DEFAULT']);
  });

  test('dispatcher.cnf: services and the channel named by PARAMETER=CHANNEL=', () => {
    const m = buildModel({
      files: [{ relPath: 'dispatcher.cnf', kind: 'dispatcher.cnf', text: 'MAX_PROCS=5\n[SERVICE=LMTPSS]\nPORT=225\nPARAMETER=CHANNEL=tcp_lmtpss\n' }],
    });
    expect(m.dispatcher!.services.map((s) => [s.name, s.channel?.name])).toEqual([['LMTPSS', 'tcp_lmtpss']]);
  });

  test('option.dat: continued values are joined; bad lines and malformed headers are diagnostics', () => {
    const m = buildModel({
      files: [{ relPath: 'option.dat', kind: 'option.dat', text: 'DELIVERY_OPTIONS=\\\n  #a,\\\n  #b\nnot a setting\n[SERVICE=X\n' }],
    });
    expect(m.options!.settings.map((s) => [s.key, s.value])).toEqual([['DELIVERY_OPTIONS', '#a,#b']]);
    expect(m.diagnostics.map((d) => d.code)).toEqual(['option-syntax', 'option-syntax']);
  });
});

describe('mappings and aliases', () => {
  test('tables and entries; alias names and addresses', () => {
    const m = buildModel({
      files: [
        { relPath: 'mappings', kind: 'mappings', text: 'PORT_ACCESS\n\n  TCP|*|25|*|* $Y\n\nINTERNAL_IP\n\n  127.0.0.1 $Y\n' },
        { relPath: 'aliases', kind: 'aliases', text: '! c\npostmaster@a.com: root@a.com, x@y.z\n' },
      ],
    });
    expect(m.mappings.map((t) => [t.name.text, t.entries.map((e) => [e.pattern.text, e.template])])).toEqual([
      ['PORT_ACCESS', [['TCP|*|25|*|*', '$Y']]],
      ['INTERNAL_IP', [['127.0.0.1', '$Y']]],
    ]);
    expect(m.aliases.map((a) => [a.name.text, a.addresses.map((w) => w.text)])).toEqual([['postmaster@a.com', ['root@a.com', 'x@y.z']]]);
  });
});

describe('loadConfig and includes', () => {
  test('the shipped example loads every file, with its include', () => {
    const m = loadConfig('examples/siroe');
    expect(m.files.map((f) => f.relPath).sort()).toEqual(
      ['dispatcher.cnf', 'imta.cnf', 'internet.rules', 'job_controller.cnf', 'mappings', 'option.dat'].sort(),
    );
    expect(m.includes.map((i) => [i.target, i.status])).toEqual([['IMTA_TABLE:internet.rules', 'ok']]);
    expect(m.diagnostics).toEqual([]);
    expect(m.channels[0].name).toBe('l');
  });

  test('a missing imta.cnf is a fatal ConfigError; missing optional files are fine', () => {
    const dir = tmpConfig({ 'job_controller.cnf': '[POOL=DEFAULT]\n' });
    expect(() => loadConfig(dir)).toThrow(ConfigError);
    expect(() => loadConfig(dir)).toThrow(/no imta.cnf/);
    expect(() => loadConfig(path.join(dir, 'nope'))).toThrow(/does not exist/);
    const ok = tmpConfig({ 'imta.cnf': 'a $U@a\n' });
    expect(loadConfig(ok).jobController).toBeUndefined();
  });

  test('prefixes resolve to the configuration directory; an included file is read in the section it stands in', () => {
    const dir = tmpConfig({
      'imta.cnf': '<IMTA_TABLE:rules.rules\n.com $U@tcp-daemon\n\nl\nh\n\n<IMTA_TABLE:chan.cnf\n',
      'rules.rules': '! tld rules\n.org $U@tcp-daemon\n',
      'chan.cnf': 'tcp_local smtp\ntcp-daemon\n',
    });
    const m = loadConfig(dir);
    expect(m.rules.map((r) => [r.key, r.file.relPath])).toEqual([
      ['.org', 'rules.rules'],
      ['.com', 'imta.cnf'],
    ]);
    expect(m.channels.map((c) => [c.name, c.file.relPath])).toEqual([
      ['l', 'imta.cnf'],
      ['tcp_local', 'chan.cnf'],
    ]);
    expect(m.includes.map((i) => [i.section, i.depth, i.status])).toEqual([
      ['rules', 1, 'ok'],
      ['channels', 1, 'ok'],
    ]);
  });

  test('absolute server paths map through root, or by file name into the directory, else stay unchecked', () => {
    const dir = tmpConfig({ 'imta.cnf': '</opt/SUNWmsgsr/config/internet.rules\n', 'internet.rules': '.com $U@x\n' });
    expect(loadConfig(dir).includes[0]).toMatchObject({ status: 'ok', resolved: path.join(dir, 'internet.rules') });
    const root = tmpConfig({ 'opt/SUNWmsgsr/config/internet.rules': '.net $U@x\n' });
    const m = loadConfig(dir, { root });
    expect(m.includes[0].status).toBe('ok');
    expect(m.rules[0].key).toBe('.net');
    const far = tmpConfig({ 'imta.cnf': '</etc/opt/SUNWmail/imta/internet.rules\n' });
    const u = loadConfig(far);
    expect(u.includes[0].status).toBe('unresolved');
    expect(u.diagnostics.map((d) => [d.code, d.severity])).toEqual([['unresolved-include', 'info']]);
  });

  test('missing, unreadable, too deep and cyclic includes are diagnostics, never crashes or loops', () => {
    const dir = tmpConfig({
      'imta.cnf': '<IMTA_TABLE:a.rules\n<IMTA_TABLE:missing.rules\n<IMTA_TABLE:self.rules\n<IMTA_TABLE:dir\n',
      'a.rules': '<IMTA_TABLE:b.rules\n',
      'b.rules': '<IMTA_TABLE:c.rules\n',
      'c.rules': '<IMTA_TABLE:d.rules\n',
      'd.rules': '.x $U@x\n',
      'self.rules': '<IMTA_TABLE:self.rules\n',
      'dir/x': '',
    });
    const m = loadConfig(dir);
    expect(m.includes.map((i) => [i.target, i.depth, i.status])).toEqual([
      ['IMTA_TABLE:a.rules', 1, 'ok'],
      ['IMTA_TABLE:b.rules', 2, 'ok'],
      ['IMTA_TABLE:c.rules', 3, 'ok'],
      ['IMTA_TABLE:d.rules', 4, 'too-deep'],
      ['IMTA_TABLE:missing.rules', 1, 'missing'],
      ['IMTA_TABLE:self.rules', 1, 'ok'],
      ['IMTA_TABLE:self.rules', 2, 'cycle'],
      ['IMTA_TABLE:dir', 1, 'unreadable'],
    ]);
    expect(m.diagnostics.map((d) => [d.code, d.file.relPath, d.file.lines.position(d.start).line])).toEqual([
      ['include-depth', 'c.rules', 1],
      ['missing-include', 'imta.cnf', 2],
      ['include-depth', 'self.rules', 1],
      ['missing-include', 'imta.cnf', 4],
    ]);
  });

  test('overrides replace what is on disk (staged texts, editors)', () => {
    const dir = tmpConfig({ 'imta.cnf': 'a $U@a\n' });
    const m = loadConfig(dir, { overrides: { 'imta.cnf': 'b $U@b\n', 'x.rules': '' } });
    expect(m.rules.map((r) => r.key)).toEqual(['b']);
  });

  test('bytes that are not UTF-8 are kept byte for byte', () => {
    const dir = tmpConfig({});
    const bytes = Buffer.from([0x61, 0x20, 0xff, 0xfe, 0x0a]);
    fs.writeFileSync(path.join(dir, 'imta.cnf'), bytes);
    const m = loadConfig(dir);
    expect(m.imta!.encoding).toBe('latin1');
    expect(Buffer.from(m.imta!.text, 'latin1').equals(bytes)).toBe(true);
  });
});
