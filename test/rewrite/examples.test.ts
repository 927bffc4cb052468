// Every worked example of rewrite-rules.md §10, plus the other examples in that file
// (§3 probe order, §4.3 route stripping, §5.3 composites, §6 tags).
import { compileRewriteConfig, rewriteAddress, type RewriteOptions, type RewriteResult } from '../../src/rewrite/index.js';
import { ch, rules, SPEC_CHANNELS, SPEC_RULES } from './fixtures.js';

const spec = compileRewriteConfig({ rules: SPEC_RULES, channels: SPEC_CHANNELS });

function probes(r: RewriteResult): string[] {
  return (r.trace ?? []).filter((t) => t.step === 'probe').map((t) => t.pattern!);
}

describe('rewrite-rules.md §10 worked examples (synthetic configuration)', () => {
  const table: [string, string, RewriteOptions, string, string][] = [
    // #, address, options, channel, rewritten address
    ['5', 'jdoe@acme.com', {}, 'tcp_local', 'jdoe@acme.com'],
    ['9', 'joe@x.bigcorp.com', {}, 'tcp_local', 'joe@x.bigcorp.com'],
    ['10', 'joe@legacy.bigcorp.com', {}, 'bigcorp', 'joe@legacy.bigcorp.com'],
    ['11', 'joe@sales', {}, 'tcp_intranet', 'joe@sales.example.org'],
    ['12', 'joe@web.example.org', {}, 'tcp_intranet', 'joe@web.example.org'],
    ['13', 'joe@example.org', {}, 'l', 'joe@example.org'],
    ['14', 'joe@host.removable', {}, 'tcp_intranet', 'joe@host.example.org'],
    ['15', 'pat@partner.net', { sourceChannel: 'tcp_local' }, 'verify', 'pat@partner.net'],
    ['16', 'pat@partner.net', { sourceChannel: 'verify' }, 'tcp_local', 'pat@partner.net'],
    ['17', 'x@ims-ms.mail.example.org', { header: true }, 'tcp_intranet', 'x@ims-ms.mail.example.org'],
    ['18', 'joe@[10.1.2.3]', {}, 'tcp_intranet', 'joe@[10.1.2.3]'],
    ['19', 'joe@unknown.zz', {}, 'tcp_local', 'joe@unknown.zz'],
    ['20', 'user%remote.example.org@mail.example.org', {}, 'tcp_intranet', 'user@remote.example.org'],
  ];
  it.each(table)('#%s %s', (_n, address, opts, channel, rewritten) => {
    const r = rewriteAddress(spec, address, opts);
    expect(r.error).toBeUndefined();
    expect(r.channel).toBe(channel);
    expect(r.address).toBe(rewritten);
  });

  it('#1 probe order for dan@sc.cs.siroe.edu', () => {
    const r = rewriteAddress(compileRewriteConfig({ rules: [], channels: SPEC_CHANNELS }), 'dan@sc.cs.siroe.edu', { debug: true });
    expect(probes(r)).toEqual(['sc.cs.siroe.edu', '*.cs.siroe.edu', '.cs.siroe.edu', '*.*.siroe.edu', '.siroe.edu', '*.*.*.edu', '.edu', '*.*.*.*', '.']);
    expect(r.error).toBe('illegal host/domain specified');
    expect(r.channel).toBeUndefined();
    // with the synthetic configuration the same probes end at the match-all rule
    const s = rewriteAddress(spec, 'dan@sc.cs.siroe.edu', { debug: true });
    expect(probes(s)).toEqual(['sc.cs.siroe.edu', '*.cs.siroe.edu', '.cs.siroe.edu', '*.*.siroe.edu', '.siroe.edu', '*.*.*.edu', '.edu', '*.*.*.*', '.']);
    expect([s.channel, s.address]).toEqual(['tcp_local', 'dan@sc.cs.siroe.edu']);
  });

  it('#2 probe order for dan@[128.6.3.40]', () => {
    const r = rewriteAddress(compileRewriteConfig({ rules: [], channels: SPEC_CHANNELS }), 'dan@[128.6.3.40]', { debug: true });
    expect(probes(r)).toEqual(['[128.6.3.40]', '[128.6.3.]', '[128.6.]', '[128.]', '[]', '[*.*.*.*]', '.']);
    expect(r.error).toBe('illegal host/domain specified');
  });

  it('#3 u@c with the PMDF test.cnf (c $U%c@b)', () => {
    const t = compileRewriteConfig({ rules: rules('c $U%c@b'), channels: [ch('l', 'local.host'), ch('a_channel', 'a', ['e']), ch('b_channel', 'b')] });
    const r = rewriteAddress(t, 'u@c');
    expect([r.channel, r.address]).toEqual(['b_channel', 'u@c']);
  });

  it('#4 u@e: extra host line of a_channel, no rule', () => {
    const t = compileRewriteConfig({ rules: rules('c $U%c@b'), channels: [ch('l', 'local.host'), ch('a_channel', 'a', ['e']), ch('b_channel', 'b')] });
    const r = rewriteAddress(t, 'u@e', { debug: true });
    expect([r.channel, r.address]).toEqual(['a_channel', 'u@e']);
    expect(r.trace!.some((x) => x.step === 'channel-table')).toBe(true);
  });

  it('#6 jdoe@com1 with com1 $U@com1@siroe.com inserts a source route', () => {
    const t = compileRewriteConfig({ rules: rules('com1 $U@com1@siroe.com'), channels: [ch('l', 'mail.siroe.com'), ch('tcp_siroe', 'siroe.com')] });
    const r = rewriteAddress(t, 'jdoe@com1');
    expect([r.channel, r.address]).toEqual(['tcp_siroe', '@siroe.com:jdoe@com1']);
  });

  it('#7 the most specific of hosta.subnet.siroe.com / .subnet.siroe.com / .siroe.com wins', () => {
    const t = compileRewriteConfig({
      rules: rules(`
hosta.subnet.siroe.com  $U%hosta.subnet.siroe.com@exact-daemon
.subnet.siroe.com       $U%$H$D@subnet-daemon
.siroe.com              $U%$H$D@siroe-daemon`),
      channels: [ch('l', 'mail.siroe.com'), ch('exact', 'exact-daemon'), ch('subnet', 'subnet-daemon'), ch('siroe', 'siroe-daemon')],
    });
    const go = (a: string) => {
      const r = rewriteAddress(t, a);
      return [r.channel, r.address];
    };
    expect(go('jdoe@hosta.subnet.siroe.com')).toEqual(['exact', 'jdoe@hosta.subnet.siroe.com']);
    expect(go('jdoe@hostb.subnet.siroe.com')).toEqual(['subnet', 'jdoe@hostb.subnet.siroe.com']);
    expect(go('jdoe@hostc.siroe.com')).toEqual(['siroe', 'jdoe@hostc.siroe.com']);
  });

  it('#8 @internet:user@host with the tag rules of §6', () => {
    const t = compileRewriteConfig({
      rules: rules(`
internet        $S$U@localhost$Tmtcp-force|
mtcp-force|.    $U%$H@TCP-DAEMON`),
      channels: [ch('l', 'mail.example.org', ['localhost']), ch('tcp_local', 'tcp-daemon')],
    });
    const r = rewriteAddress(t, '@internet:user@host', { debug: true });
    expect([r.channel, r.address, r.error]).toEqual(['tcp_local', 'user@host', undefined]);
    expect(probes(r)).toEqual(['internet', 'mtcp-force|host', 'mtcp-force|*', 'mtcp-force|.']);
    expect(r.tag).toBe('mtcp-force|');
    // Without the source route the $S rule does not apply and nothing else matches.
    expect(rewriteAddress(t, 'user@internet').error).toBe('illegal host/domain specified');
  });

  it('#10 envelope To: of an extra host name becomes the official host (no proper name)', () => {
    const r = rewriteAddress(spec, 'joe@legacy.bigcorp.com');
    expect(r.envelopeTo).toBe('joe@bigcorp-daemon');
    const t = compileRewriteConfig({ rules: [], channels: [ch('l', 'l.host'), ch('bigcorp', 'bigcorp-daemon', [['legacy.bigcorp.com', 'mail.bigcorp.com']])] });
    expect(rewriteAddress(t, 'joe@legacy.bigcorp.com').envelopeTo).toBe('joe@mail.bigcorp.com');
    expect(rewriteAddress(t, 'joe@legacy.bigcorp.com', { header: true }).envelopeTo).toBeUndefined();
  });

  it('#13 joe@example.org stops at the local channel', () => {
    const r = rewriteAddress(spec, 'joe@example.org');
    expect(r).toMatchObject({ channel: 'l', officialHost: 'mail.example.org', address: 'joe@example.org' });
  });

  it('#14 probes again after $U%$H', () => {
    const r = rewriteAddress(spec, 'joe@host.removable', { debug: true });
    expect(probes(r)).toEqual(['host.removable', '*.removable', '.removable', 'host', '*']);
  });

  it('#17 the $E rule applies to the envelope address', () => {
    const r = rewriteAddress(spec, 'x@ims-ms.mail.example.org', { debug: true });
    expect([r.channel, r.address]).toEqual(['ims-ms', 'x@ims-ms-daemon']);
    const h = rewriteAddress(spec, 'x@ims-ms.mail.example.org', { header: true, debug: true });
    expect(probes(h)).toEqual(['ims-ms.mail.example.org', '*.mail.example.org', '.mail.example.org', '*.*.example.org', '.example.org']);
  });

  it('#21 x@siroe.siroenet with .SIROENET $($H) and a general-database answer', () => {
    const t = compileRewriteConfig({ rules: rules('.SIROENET $($H)'), channels: [ch('l', 'mail.siroe.com'), ch('siroenet', 'siroenet')] });
    const r = rewriteAddress(t, 'x@siroe.siroenet', { assume: { '$(siroe)': '$u%eng.siroe.com@siroenet' } });
    expect([r.channel, r.address, r.error]).toEqual(['siroenet', 'x@eng.siroe.com', undefined]);
    // the key may also be the lookup as written in the rule
    expect(rewriteAddress(t, 'x@siroe.siroenet', { assume: { '$($H)': '$u%eng.siroe.com@siroenet' } }).address).toBe('x@eng.siroe.com');
    // without an answer the result is not guessed
    const n = rewriteAddress(t, 'x@siroe.siroenet');
    expect(n).toMatchObject({ error: 'needs $(siroe)', needs: ['$(siroe)'] });
    expect(n.channel).toBeUndefined();
    // a miss makes the rule fail; nothing else matches
    expect(rewriteAddress(t, 'x@siroe.siroenet', { assume: { '$(siroe)': '<fail>' } }).error).toBe('illegal host/domain specified');
  });
});

describe('rewrite-rules.md §4.3 finishing: routes through the local host are stripped', () => {
  it('@local.host:user@remote', () => {
    const r = rewriteAddress(spec, '@mail.example.org:user@web.example.org');
    expect([r.channel, r.address]).toEqual(['tcp_intranet', 'user@web.example.org']);
  });
  it('user%remote@local.host (also via the channel table when no rule exists)', () => {
    const t = compileRewriteConfig({ rules: rules('.example.org $U%$H$D@tcp_intranet-daemon'), channels: SPEC_CHANNELS });
    const r = rewriteAddress(t, 'user%web.example.org@mail.example.org');
    expect([r.channel, r.address]).toEqual(['tcp_intranet', 'user@web.example.org']);
  });
  it('a route through a non-local host is kept', () => {
    const r = rewriteAddress(spec, '@relay.example.org:user@remote.zz');
    expect([r.channel, r.address]).toEqual(['tcp_intranet', '@relay.example.org:user@remote.zz']);
  });
  it('routelocal channels strip routes like the local channel', () => {
    const t = compileRewriteConfig({
      rules: rules(`
.internal  $U%$H$D@internal-daemon
.zz        $U%$H$D@tcp-daemon`),
      channels: [ch('l', 'mail.example.org'), ch('tcp_internal', 'internal-daemon', [], ['routelocal']), ch('tcp_local', 'tcp-daemon')],
    });
    expect(rewriteAddress(t, 'u%a.zz@b.internal')).toMatchObject({ channel: 'tcp_local', address: 'u@a.zz' });
    expect(rewriteAddress(t, 'u@b.internal')).toMatchObject({ channel: 'tcp_internal', address: 'u@b.internal' });
  });
});

describe('rewrite-rules.md §4.2 template forms', () => {
  const t = compileRewriteConfig({
    rules: rules(`
a.test     $U%a.test@tcp-daemon
b.test     $U@b.test
c.test     $U@c.test@gw.test
d.test     $U@d.test@gw.test@tcp-daemon
e.test     $U%e2.test
e2.test    $U%$D@tcp-daemon`),
    channels: [ch('l', 'local.test'), ch('tcp_local', 'tcp-daemon'), ch('tcp_b', 'b.test'), ch('tcp_gw', 'gw.test')],
  });
  const table: [string, string, string][] = [
    ['u@a.test', 'tcp_local', 'u@a.test'], // A%B@C
    ['u@b.test', 'tcp_b', 'u@b.test'], // A@B = A%B@B
    ['u@c.test', 'tcp_gw', '@gw.test:u@c.test'], // A@B@C = A@B@C@C
    ['u@d.test', 'tcp_local', '@gw.test:u@d.test'], // A@B@C@D
    ['u@e.test', 'tcp_local', 'u@e2.test'], // A%B: rewrite again
  ];
  it.each(table)('%s', (a, channel, address) => {
    const r = rewriteAddress(t, a);
    expect([r.channel, r.address, r.error]).toEqual([channel, address, undefined]);
  });
});

describe('rewrite-rules.md §5.3 composites', () => {
  const DOMAIN_FAILURE = 'reprocess-daemon$Mtcp_local$1M$1~-error$4000000?Temporary lookup failure';
  const t = compileRewriteConfig({
    rules: [
      ...rules(`
$*           $E$F$U%$H$V$H@mail.example.org
.            $U%$H@tcp-daemon`),
      { pattern: 'tempfail.test', template: '$U%$D@' + DOMAIN_FAILURE },
    ],
    channels: [ch('l', 'mail.example.org'), ch('tcp_local', 'tcp-daemon'), ch('reprocess', 'reprocess-daemon')],
  });

  it('$* with $V: local domains go to l, others fall through, unknown needs the directory', () => {
    expect(rewriteAddress(t, 'joe@hosted.test', { assume: { '$Vhosted.test': 'local' } })).toMatchObject({ channel: 'l', address: 'joe@hosted.test' });
    expect(rewriteAddress(t, 'joe@far.test', { assume: { '$Vfar.test': 'no' } })).toMatchObject({ channel: 'tcp_local', address: 'joe@far.test' });
    expect(rewriteAddress(t, 'joe@far.test', { assume: { $V: 'remote' } })).toMatchObject({ channel: 'tcp_local' });
    expect(rewriteAddress(t, 'joe@far.test')).toMatchObject({ error: 'needs $Vfar.test', needs: ['$Vfar.test'] });
    // $E$F: header and backward addresses never need the lookup
    expect(rewriteAddress(t, 'joe@far.test', { header: true })).toMatchObject({ channel: 'tcp_local' });
    expect(rewriteAddress(t, 'joe@far.test', { backward: true })).toMatchObject({ channel: 'tcp_local' });
  });

  it('DOMAIN_FAILURE: reprocess-daemon unless the source is tcp_local or a reprocessing channel', () => {
    const a = { $V: 'no' };
    expect(rewriteAddress(t, 'joe@tempfail.test', { assume: a })).toMatchObject({ channel: 'reprocess', address: 'joe@tempfail.test' });
    const r = rewriteAddress(t, 'joe@tempfail.test', { assume: a, sourceChannel: 'tcp_local' });
    expect(r).toMatchObject({ error: 'Temporary lookup failure', status: '4.0.0', routingHost: 'reprocess-daemon-error' });
    expect(rewriteAddress(t, 'joe@tempfail.test', { assume: a, sourceChannel: 'reprocess' })).toMatchObject({ error: 'Temporary lookup failure' });
  });

  it('a rule that is only $?text rejects with that text', () => {
    const u = compileRewriteConfig({
      rules: rules(`
example.org  $U%example.org@mail.example.org
.            $?Unrecognized address; contact postmaster@siroe.com`),
      channels: [ch('l', 'mail.example.org')],
    });
    expect(rewriteAddress(u, 'joe@unknown.zz')).toMatchObject({ error: 'Unrecognized address; contact postmaster@siroe.com', routingHost: 'unknown.zz' });
    expect(rewriteAddress(u, 'joe@example.org')).toMatchObject({ channel: 'l' });
  });
});

describe('rewrite-rules.md §2 pattern forms', () => {
  const t = compileRewriteConfig({
    rules: rules(`
.example.com      $U%$H$D@dot-daemon
*.wild.com        $U%$H$D@one-daemon
*.*.wild.com      $U%$H$D@two-daemon
[10.1.]           $U%[10.1.$L]@net-daemon
[10.1.2.3]        $U%[$L]@exact-daemon
[]                $U%[$L]@lit-daemon`),
    channels: [ch('l', 'local.test'), ...['dot', 'one', 'two', 'net', 'exact', 'lit'].map((n) => ch(n, `${n}-daemon`))],
  });
  const table: [string, string | undefined][] = [
    ['u@a.example.com', 'dot'],
    ['u@a.b.example.com', 'dot'],
    ['u@example.com', undefined],
    ['u@x.wild.com', 'one'],
    ['u@x.y.wild.com', 'two'],
    ['u@x.y.z.wild.com', undefined],
    ['u@[10.1.9.9]', 'net'],
    ['u@[10.1.2.3]', 'exact'],
    ['u@[10.2.2.3]', 'lit'],
    ['u@A.EXAMPLE.COM', 'dot'],
  ];
  it.each(table)('%s', (a, channel) => {
    const r = rewriteAddress(t, a);
    expect(r.channel).toBe(channel);
    if (!channel) expect(r.error).toBe('illegal host/domain specified');
  });
  it('$L is the unmatched part of a literal; case of substituted parts is kept', () => {
    expect(rewriteAddress(t, 'u@[10.1.9.9]').address).toBe('u@[10.1.9.9]');
    expect(rewriteAddress(t, 'Joe@A.Example.COM').address).toBe('Joe@A.Example.COM');
  });
});
