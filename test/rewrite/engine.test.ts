import fc from 'fast-check';
import { compileRewriteConfig, formatTrace, rewriteAddress, type RewriteConfigInput } from '../../src/rewrite/index.js';
import { ch, rules, SPEC_CHANNELS, SPEC_RULES } from './fixtures.js';

const CHANNELS = [
  ch('l', 'mail.example.org', ['localhost']),
  ch('tcp_local', 'tcp-daemon'),
  ch('tcp_intranet', 'tcp_intranet-daemon'),
  ch('verify', 'verify-daemon'),
  ch('reprocess', 'reprocess-daemon'),
  ch('ims-ms', 'ims-ms-daemon'),
  ch('old', 'old-daemon', [], ['norules']),
];

function cfg(ruleText: string, channels = CHANNELS): ReturnType<typeof compileRewriteConfig> {
  return compileRewriteConfig({ rules: rules(ruleText), channels });
}

const go = (t: ReturnType<typeof compileRewriteConfig>, a: string, o = {}) => {
  const r = rewriteAddress(t, a, o);
  return r.error ? `error: ${r.error}` : `${r.channel} ${r.address}`;
};

describe('substitutions', () => {
  const t = cfg(`
sub.test      $0U%$D@tcp-daemon
plus.test     $1U%$D@tcp-daemon
.labels.test  $U%$&0-$!0-$*0-$#0.$1H$1D@tcp-daemon
.case.test    $\\$U%$^$H$_$D@tcp-daemon
esc.test      $U$%x$@y%$D$$@tcp-daemon
.need2.test   $U%$&1$D@tcp_intranet-daemon
.need2.test   $U%$H$D@tcp-daemon
w.test        $U$W%$D@tcp-daemon
char.test     $0A$2A%$D@tcp-daemon
`);
  it.each([
    ['joe+tag@sub.test', 'tcp_local joe@sub.test'],
    ['joe+tag@plus.test', 'tcp_local +tag@plus.test'],
    ['joe@plus.test', 'error: rule plus.test $1U%$D@tcp-daemon (imta.cnf:3) produced an empty user name'],
    ['u@a.b.labels.test', 'tcp_local u@a-b-labels-test.b.test'],
    ['Joe@Host.case.test', 'tcp_local joe@HOST.case.test'],
    ['u@esc.test', 'tcp_local u%x@y@esc.test$'],
    ['u@x.need2.test', 'tcp_local u@x.need2.test'],
    ['u@a.x.need2.test', 'tcp_intranet u@x.need2.test'],
    ['u@char.test', 'tcp_local uc@char.test'],
  ])('%s', (a, expected) => {
    expect(go(t, a)).toBe(expected);
  });
  it('$W is a fixed placeholder with a warning', () => {
    const r = rewriteAddress(t, 'u@w.test');
    expect(r.address).toBe('uRANDOMSTRING@w.test');
    expect(r.warnings?.[0]).toMatch(/\$W/);
  });
});

describe('control sequences', () => {
  const t = cfg(`
env.test     $E$U%$D@tcp-daemon
env.test     $B$U%$D@tcp_intranet-daemon
dir.test     $F$U%$D@tcp-daemon
dir.test     $R$U%$D@tcp_intranet-daemon
where.test   $A$P$U%$D@tcp-daemon
where.test   $S$X$U%$D@tcp_intranet-daemon
m.test       $U%$D@verify-daemon$Mtcp_local$Mtcp_intranet
m.test       $U%$D@tcp-daemon
q.test       $U%$D@ims-ms-daemon$Qims-ms$Qtcp_local
q.test       $U%$D@tcp-daemon
c.test       $U%$D@tcp_intranet-daemon$Cims-ms
c.test       $U%$D@tcp-daemon
re.test      $U%$D@reprocess-daemon$1M
re.test      $U%$D@tcp-daemon$1N
`);
  it('$E/$B and $F/$R', () => {
    expect(go(t, 'u@env.test')).toBe('tcp_local u@env.test');
    expect(go(t, 'u@env.test', { header: true })).toBe('tcp_intranet u@env.test');
    expect(go(t, 'u@dir.test')).toBe('tcp_local u@dir.test');
    expect(go(t, 'u@dir.test', { backward: true })).toBe('tcp_intranet u@dir.test');
  });
  it('$A $P $S $X combine with OR', () => {
    expect(go(t, 'u@where.test')).toBe('tcp_local u@where.test');
    expect(go(t, 'u%where.test')).toBe('tcp_local u@where.test');
    expect(go(t, 'where.test!u')).toBe('tcp_intranet u@where.test');
    expect(go(t, '@where.test:u@mail.example.org')).toBe('tcp_intranet @where.test:u@mail.example.org');
  });
  it('$M: any one suffices; norules source channels skip the checks', () => {
    expect(go(t, 'u@m.test', { sourceChannel: 'tcp_local' })).toBe('verify u@m.test');
    expect(go(t, 'u@m.test', { sourceChannel: 'tcp_intranet' })).toBe('verify u@m.test');
    expect(go(t, 'u@m.test', { sourceChannel: 'TCP_LOCAL' })).toBe('verify u@m.test');
    expect(go(t, 'u@m.test')).toBe('tcp_local u@m.test');
    expect(go(t, 'u@m.test', { sourceChannel: 'old' })).toBe('verify u@m.test');
  });
  it('$Q/$C are ignored unless a destination channel is given', () => {
    expect(go(t, 'u@q.test')).toBe('ims-ms u@q.test');
    expect(go(t, 'u@q.test', { destinationChannel: 'ims-ms' })).toBe('ims-ms u@q.test');
    expect(go(t, 'u@q.test', { destinationChannel: 'tcp_intranet' })).toBe('tcp_local u@q.test');
    expect(go(t, 'u@c.test')).toBe('tcp_intranet u@c.test');
    expect(go(t, 'u@c.test', { destinationChannel: 'ims-ms' })).toBe('tcp_local u@c.test');
    expect(go(t, 'u@c.test', { destinationChannel: 'old' })).toBe('tcp_intranet u@c.test');
  });
  it('$1M/$1N test for a reprocessing source channel', () => {
    expect(go(t, 'u@re.test', { sourceChannel: 'reprocess' })).toBe('reprocess u@re.test');
    expect(go(t, 'u@re.test', { sourceChannel: 'tcp_local' })).toBe('tcp_local u@re.test');
  });
  it('a failing rule is reported in the trace with its file and line', () => {
    const r = rewriteAddress(t, 'pat@m.test', { debug: true });
    const lines = formatTrace(r.trace);
    expect(lines.some((l) => l.includes('m.test $U%$D@verify-daemon$Mtcp_local$Mtcp_intranet (imta.cnf:8): failed: check failed: $Mtcp_local'))).toBe(true);
    expect(lines.some((l) => l.includes('(imta.cnf:9): succeeded -> pat%m.test@tcp-daemon'))).toBe(true);
    expect(lines[lines.length - 1]).toBe('channel = tcp_local (official host tcp-daemon); address = pat@m.test');
  });
});

describe('$? error text and $T tags', () => {
  const t = cfg(`
.bad.test   $U%$H$D@nowhere-daemon$?No route for this domain
.tagged     $U%$H@localhost$Tsecret|
secret|.    $U%$H@tcp_intranet-daemon
.stat.test  $U%$H$D@gone-daemon$5001001?Gone?
`);
  it('sticky $? text replaces the default error', () => {
    const r = rewriteAddress(t, 'u@x.bad.test');
    expect(r).toMatchObject({ error: 'No route for this domain', routingHost: 'nowhere-daemon' });
    expect(rewriteAddress(t, 'u@x.stat.test')).toMatchObject({ error: 'Gone', status: '5.1.1' });
  });
  it('tags apply to the next host spec of the same address only', () => {
    expect(go(t, 'u%inner.host@a.tagged')).toBe('tcp_intranet u@inner.host');
    const r = rewriteAddress(t, 'u@inner.host');
    expect(r.error).toBe('illegal host/domain specified');
    expect(r.tag).toBeUndefined();
  });
});

describe('$% and $! rules, bare names, bang paths', () => {
  it('$% rule for a %-route that failed everything else, then the local fallback', () => {
    const t = cfg(`
$%     $U%$H@tcp_intranet-daemon
known  $U%known@tcp-daemon`);
    expect(go(t, 'u%unknown.host')).toBe('tcp_intranet u@unknown.host');
    expect(go(t, 'u%known')).toBe('tcp_local u@known');
    const n = cfg('known  $U%known@tcp-daemon');
    expect(go(n, 'u%unknown.host')).toBe('l u%unknown.host@mail.example.org');
    expect(go(n, 'u@unknown.host')).toBe('error: illegal host/domain specified');
  });
  it('$! rule', () => {
    const t = cfg('$!  $U%$H@tcp_intranet-daemon');
    expect(go(t, 'unknown!u')).toBe('tcp_intranet u@unknown');
  });
  it('a bare user name goes to the local host', () => {
    const t = compileRewriteConfig({ rules: SPEC_RULES, channels: SPEC_CHANNELS });
    expect(go(t, 'joe.blue')).toBe('l joe.blue@mail.example.org');
    const none = compileRewriteConfig({ rules: [], channels: [ch('tcp_local', 'tcp-daemon')] });
    expect(go(none, 'joe.blue')).toMatch(/^error: bare user name/);
  });
  it('bangoverpercent and percentonly come from the source channel', () => {
    const t = cfg(
      `
a.test  $U%a.test@tcp-daemon
b.test  $U%b.test@tcp_intranet-daemon`,
      [...CHANNELS, ch('uucp_in', 'uucp-daemon', [], ['bangoverpercent']), ch('po', 'po-daemon', [], ['percentonly'])],
    );
    expect(go(t, 'a.test!u%b.test')).toBe('tcp_intranet a.test!u@b.test');
    expect(go(t, 'a.test!u%b.test', { sourceChannel: 'uucp_in' })).toBe('tcp_local u%b.test@a.test');
    expect(go(t, 'a.test!u', { sourceChannel: 'po' })).toBe('l a.test!u@mail.example.org');
  });
});

describe('lookups that need a live server', () => {
  const t = cfg(`
[]            $E$R\${INTERNAL_IP,$L}$U%[$L]@tcp_intranet-daemon
[]            $U%[$L]@tcp-daemon
lib.test      $[/opt/lib.so,route,$U]@tcp-daemon
ldap.test     $]ldap:///o=example?mailRoutingAddress?sub?(uid=$U)[
x.test        $U%$D@$1X
`);
  it('needs <lookup> unless answered', () => {
    expect(rewriteAddress(t, 'u@[10.1.2.3]', { backward: true })).toMatchObject({ error: 'needs ${INTERNAL_IP,10.1.2.3}', needs: ['${INTERNAL_IP,10.1.2.3}'] });
    // $R fails first for a forward address, so no lookup is needed
    expect(go(t, 'u@[10.1.2.3]')).toBe('tcp_local u@[10.1.2.3]');
  });
  it('answers by exact key, by mapping name, by kind and by *', () => {
    const o = { backward: true };
    expect(go(t, 'u@[10.1.2.3]', { ...o, assume: { '${INTERNAL_IP,10.1.2.3}': '' } })).toBe('tcp_intranet u@[10.1.2.3]');
    expect(go(t, 'u@[10.1.2.3]', { ...o, assume: { '${INTERNAL_IP}': '<fail>' } })).toBe('tcp_local u@[10.1.2.3]');
    expect(go(t, 'u@[10.1.2.3]', { ...o, assume: { '${}': '' } })).toBe('tcp_intranet u@[10.1.2.3]');
    expect(go(t, 'u@[10.1.2.3]', { ...o, assume: { '*': '<fail>' } })).toBe('tcp_local u@[10.1.2.3]');
  });
  it('library calls and LDAP URLs (with their own substitutions)', () => {
    expect(rewriteAddress(t, 'joe@lib.test').error).toBe('needs $[/opt/lib.so,route,joe]');
    expect(go(t, 'joe@lib.test', { assume: { '$[/opt/lib.so,route,joe]': 'jdoe%lib.test' } })).toBe('tcp_local jdoe@lib.test');
    expect(rewriteAddress(t, 'joe@ldap.test').needs).toEqual(['$]ldap:///o=example?mailRoutingAddress?sub?(uid=joe)[']);
    expect(go(t, 'joe@ldap.test', { assume: { '$][': 'joe%example.org@ims-ms-daemon' } })).toBe('ims-ms joe@example.org');
    expect(rewriteAddress(t, 'joe@x.test').needs).toEqual(['$1X']);
  });
});

describe('errors, loops and bad input', () => {
  it('rewrite loop', () => {
    const t = cfg(`
loop.test   $U%loop.test
.grow       $U%a.$H$D`);
    expect(rewriteAddress(t, 'u@loop.test').error).toMatch(/^rewrite loop: .*loop\.test \$U%loop\.test \(imta\.cnf:2\)/);
    expect(rewriteAddress(t, 'u@x.grow').error).toMatch(/^rewrite loop/);
  });
  it('an invalid template is an error naming the rule', () => {
    const t = cfg(`
bad.test   $U%$D@tcp-daemon$Y
unclosed.test  $U%$D@$(x`);
    expect(rewriteAddress(t, 'u@bad.test').error).toBe('rule bad.test $U%$D@tcp-daemon$Y (imta.cnf:2) cannot be evaluated: unknown substitution $Y');
    expect(rewriteAddress(t, 'u@unclosed.test').error).toMatch(/unclosed \$\(/);
  });
  it('templates without a route, empty templates and too many @', () => {
    const t = compileRewriteConfig({
      rules: [
        { pattern: 'a.test', template: '$U' },
        { pattern: 'b.test', template: '' },
        { pattern: 'c.test', template: '$U@a@b@c@d' },
        { pattern: 'd.test', template: '$U@$D@tcp-daemon%x' },
      ],
      channels: CHANNELS,
    });
    expect(rewriteAddress(t, 'u@a.test').error).toMatch(/no % or @/);
    expect(rewriteAddress(t, 'u@b.test').error).toMatch(/no % or @/);
    expect(rewriteAddress(t, 'u@c.test').error).toMatch(/more than three/);
    expect(rewriteAddress(t, 'u@d.test').error).toMatch(/'%' after an '@'/);
  });
  const spec = compileRewriteConfig({ rules: SPEC_RULES, channels: SPEC_CHANNELS });
  it.each([
    ['', /malformed address: empty/],
    ['@example.org', /malformed address/],
    ['"unbalanced@example.org', /unbalanced quote/],
    ['joe@[10.1.2.3', /unbalanced \[/],
    ['joe@a..b', /empty label/],
    ['%example.org', /empty local part/],
    ['joe%@mail.example.org', /empty domain/],
    ['a'.repeat(10 * 1024), /longer than 1024/],
    ['a@' + 'b.'.repeat(5000) + 'c', /longer than 1024/],
  ])('%j gives an error', (a, msg) => {
    const r = rewriteAddress(spec, a);
    expect(r.error).toMatch(msg);
    expect(r.channel).toBeUndefined();
  });
  it('never throws on arbitrary addresses and rules', () => {
    const hostish = fc.string({ unit: fc.constantFrom(...'ab.*[]1$%@!:,"\\ '.split('')), maxLength: 12 });
    const tmpl = fc.string({ unit: fc.constantFrom(...'$%@UDH&0!1TMNE?(){}[]xy.-'.split('')), maxLength: 20 });
    fc.assert(
      fc.property(fc.array(fc.tuple(hostish, tmpl), { maxLength: 8 }), fc.string({ maxLength: 40 }), fc.boolean(), (rs, addr, header) => {
        const input: RewriteConfigInput = { rules: rs.map(([pattern, template]) => ({ pattern, template })), channels: CHANNELS };
        const t = compileRewriteConfig(input);
        for (const a of [addr, `u@${addr}`, `${addr}%x`, `@${addr}:u@v`]) {
          const r = rewriteAddress(t, a, { header, debug: true, assume: { '*': 'y%z' } });
          expect(r.error === undefined ? typeof r.channel : typeof r.error).toBe('string');
          expect(r.error ?? '').not.toMatch(/^internal error/);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('channels', () => {
  it('routing hosts match official and extra host names case-insensitively', () => {
    const t = cfg('.zz $U%$H$D@TCP-DAEMON');
    expect(go(t, 'u@a.zz')).toBe('tcp_local u@a.zz');
    expect(rewriteAddress(t, 'u@a.zz').officialHost).toBe('tcp-daemon');
  });
  it('733 / uucp / header_733 address styles of the destination channel', () => {
    const chans = [ch('l', 'local.test'), ch('pct', 'pct-daemon', [], ['733']), ch('bang', 'bang-daemon', [], ['uucp']), ch('hdr', 'hdr-daemon', [], ['header_733'])];
    const t = cfg(
      `
p.test  $U@p.test@gw.test@pct-daemon
b.test  $U@b.test@gw.test@bang-daemon
h.test  $U@h.test@gw.test@hdr-daemon`,
      chans,
    );
    expect(go(t, 'u@p.test')).toBe('pct u%p.test@gw.test');
    expect(go(t, 'u@b.test')).toBe('bang gw.test!b.test!u');
    expect(go(t, 'u@h.test')).toBe('hdr @gw.test:u@h.test');
    expect(go(t, 'u@h.test', { header: true })).toBe('hdr u%h.test@gw.test');
  });
  it('warns about an undefined source channel and compiles duplicate hosts with a warning', () => {
    const t = compileRewriteConfig({ rules: [], channels: [ch('l', 'x.test'), ch('a', 'dup.test'), ch('b', 'DUP.test')] });
    expect(t.warnings[0]).toMatch(/duplicate host in channel table: DUP.test/);
    expect(rewriteAddress(t, 'u@dup.test', { sourceChannel: 'nosuch' })).toMatchObject({ channel: 'a', warnings: ['source channel nosuch is not defined'] });
  });
  it('rewrites the envelope From backwards with `from`', () => {
    const t = compileRewriteConfig({ rules: SPEC_RULES, channels: SPEC_CHANNELS });
    const r = rewriteAddress(t, 'joe@web.example.org', { from: 'me@example.org' });
    expect(r.from).toEqual({ address: 'me@example.org', channel: 'l' });
  });
});

describe('hashed rule table', () => {
  it('finds rules among many and keeps same-pattern rules in file order', () => {
    const rs = [];
    for (let i = 0; i < 50000; i++) rs.push({ pattern: `.d${i}.example`, template: `$U%$H$D@tcp-daemon`, line: i + 1 });
    rs.push({ pattern: '.D777.EXAMPLE', template: '$U%$H$D@tcp_intranet-daemon', line: 50001 });
    const t = compileRewriteConfig({ rules: rs, channels: CHANNELS });
    expect(t.ruleCount).toBe(50001);
    expect(t.rules.get('.d777.example')!.map((r) => r.input.line)).toEqual([778, 50001]);
    expect(go(t, 'u@host.d777.example')).toBe('tcp_local u@host.d777.example');
    expect(go(t, 'u@host.d49999.example')).toBe('tcp_local u@host.d49999.example');
    expect(go(t, 'u@host.d50000.example')).toBe('error: illegal host/domain specified');
  });
});
