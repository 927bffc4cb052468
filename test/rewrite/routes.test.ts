import fc from 'fast-check';
import { compileRewriteConfig, formatRoutesReport, parseRoutes, runRoutes } from '../../src/rewrite/index.js';
import { ch, rules, SPEC_CHANNELS, SPEC_RULES } from './fixtures.js';

const table = compileRewriteConfig({
  rules: [...SPEC_RULES, ...rules('.SIROENET $($H)'), ...rules('[10.] $E$R${INTERNAL_IP,10.$L}$U%[10.$L]@tcp_intranet-daemon')],
  channels: [...SPEC_CHANNELS, ch('siroenet', 'siroenet')],
});

const GOOD = `
! Routing expectations for the synthetic configuration of rewrite-rules.md §10.
! address [options] => channel [rewritten address]

joe@example.org                                   => l
jdoe@acme.com                                     => tcp_local jdoe@acme.com
joe@sales                                         => tcp_intranet joe@sales.example.org
JOE@Web.Example.ORG                               => tcp_intranet JOE@web.example.org
  user%remote.example.org@mail.example.org        => tcp_intranet user@remote.example.org
pat@partner.net -source_channel=tcp_local         => verify pat@partner.net
pat@partner.net --source-channel=verify           => tcp_local
x@ims-ms.mail.example.org -header                 => tcp_intranet x@ims-ms.mail.example.org
x@ims-ms.mail.example.org                         => ims-ms x@ims-ms-daemon
"john doe"@example.org                            => l "john doe"@example.org
joe@[10.1.2.3] -backward                          => needs \${INTERNAL_IP,10.1.2.3}
joe@[10.1.2.3] -backward -assume="\${INTERNAL_IP}=<fail>"  => tcp_intranet joe@[10.1.2.3]
x@siroe.siroenet -assume="$(siroe)=$u%eng.siroe.com@siroenet" => siroenet x@eng.siroe.com
x@siroe.siroenet                                  => needs
joe@                                              => error malformed address
joe@unknown.zz -from=me@example.org               => tcp_local
`;

describe('parseRoutes', () => {
  it('parses cases, options and expectations', () => {
    const p = parseRoutes(GOOD, 'siroe.routes');
    expect(p.problems).toEqual([]);
    expect(p.cases).toHaveLength(16);
    expect(p.cases[0]).toMatchObject({ line: 5, address: 'joe@example.org', options: {}, expect: { kind: 'channel', channel: 'l' } });
    expect(p.cases[5]).toMatchObject({ address: 'pat@partner.net', options: { sourceChannel: 'tcp_local' }, expect: { kind: 'channel', channel: 'verify', address: 'pat@partner.net' } });
    expect(p.cases[6]!.options).toEqual({ sourceChannel: 'verify' });
    expect(p.cases[7]!.options).toEqual({ header: true });
    expect(p.cases[9]!.address).toBe('"john doe"@example.org');
    expect(p.cases[10]!.expect).toEqual({ kind: 'needs', lookup: '${INTERNAL_IP,10.1.2.3}' });
    expect(p.cases[11]!.options).toEqual({ backward: true, assume: { '${INTERNAL_IP}': '<fail>' } });
    expect(p.cases[12]!.options.assume).toEqual({ '$(siroe)': '$u%eng.siroe.com@siroenet' });
    expect(p.cases[14]!.expect).toEqual({ kind: 'error', text: 'malformed address' });
    expect(p.cases[15]!.options).toEqual({ from: 'me@example.org' });
  });

  it('reports syntax problems with line numbers and keeps going', () => {
    const p = parseRoutes(
      [
        'joe@example.org l', // 1: no arrow
        'joe@example.org =>', // 2: nothing after
        '=> l', // 3: no address
        'a@b c@d => l', // 4: two addresses
        'a@b -bogus => l', // 5: unknown option
        'a@b -source_channel => l', // 6: needs a value
        'a@b -header=yes => l', // 7: flag with value
        'a@b -assume=novalue => l', // 8: bad assume
        'a@b => l x@y z', // 9: too much
        '"a@b => l', // 10: unbalanced quote
        'a@b => l => m', // 11: two arrows
        'ok@example.org => l', // 12: fine
      ].join('\n'),
    );
    expect(p.problems.map((x) => x.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(p.problems[4]!.message).toBe('unknown option -bogus');
    expect(p.problems[7]!.message).toBe("-assume 'novalue' is not a lookup: a lookup starts with '$' ($(…), ${…}, $[…], $]…[, $V…, $Z…) or is '*'");
    expect(p.cases.map((c) => c.line)).toEqual([12]);
  });

  it('-assume takes the same LOOKUP=ANSWER as --assume: the key is a lookup, and a lookup ends at its closer', () => {
    const bad = (line: string) => parseRoutes(line).problems.map((x) => x.message);
    // A key that is no lookup would never be asked for: refusing it beats a silently unused answer.
    expect(bad('a@b -assume=foo=bar => l')).toEqual(["-assume 'foo=bar' is not a lookup: a lookup starts with '$' ($(…), ${…}, $[…], $]…[, $V…, $Z…) or is '*'"]);
    expect(bad('a@b -assume="$(siroe)" => l')).toEqual([
      `-assume needs LOOKUP=ANSWER, e.g. -assume="$(siroe)=$U%eng.siroe.com@siroenet" or -assume="\${INTERNAL_IP}=<fail>" (got '$(siroe)')`,
    ]);
    expect(bad('a@b -assume="$(x=y" => l')).toEqual(["-assume unclosed lookup '$(x=y': missing ')'"]);
    // '=' inside the lookup belongs to the key.
    expect(parseRoutes('a@b -assume="${T,a=b}=c" => l').cases[0]!.options.assume).toEqual({ '${T,a=b}': 'c' });
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const p = parseRoutes(s);
        expect(Array.isArray(p.cases)).toBe(true);
        runRoutes(table, p);
      }),
      { numRuns: 500 },
    );
  });
});

describe('runRoutes', () => {
  it('passes the good file', () => {
    const run = runRoutes(table, GOOD, { file: 'siroe.routes' });
    const failed = run.results.filter((r) => !r.pass);
    expect(failed.map((r) => `${r.case.line}: ${r.messages.join('; ')}`)).toEqual([]);
    expect(run).toMatchObject({ ok: true, passed: 16, failed: 0, file: 'siroe.routes' });
    expect(formatRoutesReport(run)).toBe('16 passed, 0 failed');
  });

  it('reports failures with messages and the probe trace', () => {
    const run = runRoutes(
      table,
      `joe@web.example.org => tcp_local
joe@web.example.org => tcp_intranet joe@other.example.org
joe@unknown.zz => error
joe@[10.1.2.3] -backward => tcp_intranet
joe@example.org => needs
joe@example.org => error illegal
joe@ => l
bad line`,
      { file: 'x.routes' },
    );
    expect(run.ok).toBe(false);
    expect(run.failed).toBe(7);
    expect(run.results.map((r) => r.messages[0])).toEqual([
      'expected channel tcp_local, got channel tcp_intranet (joe@web.example.org)',
      'expected address joe@other.example.org, got joe@web.example.org',
      'expected an error, got channel tcp_local (joe@unknown.zz)',
      'expected channel tcp_intranet, got error: needs ${INTERNAL_IP,10.1.2.3}',
      'expected a lookup, got channel l (joe@example.org)',
      'expected an error (illegal), got channel l (joe@example.org)',
      'expected channel l, got error: malformed address: empty domain',
    ]);
    expect(run.results[3]!.messages[1]).toBe('answer the lookup with -assume="${INTERNAL_IP,10.1.2.3}=RESULT" (or =<fail>)');
    expect(run.results[0]!.trace).toContain('Looking up ".example.org": 1 rule(s)');
    const report = formatRoutesReport(run);
    expect(report).toContain('x.routes:1: FAIL joe@web.example.org');
    expect(report).toContain('x.routes:8: syntax: missing');
    expect(report.split('\n').pop()).toBe('0 passed, 7 failed, 1 syntax problem(s)');
  });

  it('applies default options and -debug lines', () => {
    const run = runRoutes(table, 'pat@partner.net -debug => tcp_local', { defaults: { sourceChannel: 'verify' } });
    expect(run.ok).toBe(true);
    expect(run.results[0]!.trace!.length).toBeGreaterThan(2);
    expect(formatRoutesReport(run, { verbose: true })).toContain('routes:1: ok pat@partner.net => channel tcp_local (pat@partner.net)');
  });
});
