import fc from 'fast-check';
import { explainPiece, parseTemplate, type TemplatePiece } from '../../grammar/template.js';

const kinds = (t: string) => parseTemplate(t).pieces.map((p) => `${p.kind}:${p.text}`);

function checkLossless(t: string): void {
  const r = parseTemplate(t);
  expect(r.pieces.map((p) => p.text).join('')).toBe(t);
  let at = 0;
  for (const p of r.pieces) {
    expect(p.start).toBe(at);
    expect(p.end).toBe(at + p.text.length);
    expect(t.slice(p.start, p.end)).toBe(p.text);
    at = p.end;
  }
}

describe('parseTemplate: piece kinds', () => {
  const table: [string, string[]][] = [
    ['$U%$H$D@tcp-daemon', ['substitution:$U', 'separator:%', 'substitution:$H', 'substitution:$D', 'separator:@', 'literal:tcp-daemon']],
    ['$0U$1U', ['substitution:$0U', 'substitution:$1U']],
    ['$1D$2H$L$W', ['substitution:$1D', 'substitution:$2H', 'substitution:$L', 'substitution:$W']],
    ['$0A$3X', ['substitution:$0A', 'substitution:$3X']],
    ['$&0$!1$*2$#3', ['label:$&0', 'label:$!1', 'label:$*2', 'label:$#3']],
    ['$$$%$@', ['escape:$$', 'escape:$%', 'escape:$@']],
    ['$\\$^$_$=', ['case:$\\', 'case:$^', 'case:$_', 'case:$=']],
    ['$E$B$F$R$A$P$S$X', ['control:$E', 'control:$B', 'control:$F', 'control:$R', 'control:$A', 'control:$P', 'control:$S', 'control:$X']],
    [
      '$U%partner.net@verify-daemon$Nverify',
      ['substitution:$U', 'separator:%', 'literal:partner.net', 'separator:@', 'literal:verify-daemon', 'channel-check:$Nverify'],
    ],
    ['$Mtcp_local$Qims-ms$Cbitbucket', ['channel-check:$Mtcp_local', 'channel-check:$Qims-ms', 'channel-check:$Cbitbucket']],
    [
      'reprocess-daemon$Mtcp_local$1M$1~-error$4000000?Temporary lookup failure',
      [
        'literal:reprocess-daemon',
        'channel-check:$Mtcp_local',
        'reprocess-check:$1M',
        'check-now:$1~',
        'literal:-error',
        'error-text:$4000000?Temporary lookup failure',
      ],
    ],
    ['$1N$U@x', ['reprocess-check:$1N', 'substitution:$U', 'separator:@', 'literal:x']],
    ['$S$U@localhost$Tmtcp-force|', ['control:$S', 'substitution:$U', 'separator:@', 'literal:localhost', 'tag:$Tmtcp-force|']],
    ['$?Unrecognized address; contact postmaster@siroe.com', ['error-text:$?Unrecognized address; contact postmaster@siroe.com']],
    ['$U%$H@tcp-daemon$?No such host$Nverify', ['substitution:$U', 'separator:%', 'substitution:$H', 'separator:@', 'literal:tcp-daemon', 'error-text:$?No such host', 'channel-check:$Nverify']],
    ['$500?bad?$U@x', ['error-text:$500?bad?', 'substitution:$U', 'separator:@', 'literal:x']],
    ['$E$F$U%$H$V$H@mail.example.org', ['control:$E', 'control:$F', 'substitution:$U', 'separator:%', 'substitution:$H', 'domain-check:$V$H', 'separator:@', 'literal:mail.example.org']],
    ['$Z$H.com$U@x', ['domain-check:$Z$H.com$U', 'separator:@', 'literal:x']],
    ['$V$H$Nfoo@x', ['domain-check:$V$H', 'channel-check:$Nfoo', 'separator:@', 'literal:x']],
    ['$($H)', ['lookup:$($H)']],
    ['${INTERNAL_IP,$L}$U@x', ['lookup:${INTERNAL_IP,$L}', 'substitution:$U', 'separator:@', 'literal:x']],
    ['$[/lib/x.so,rtn,$U]', ['lookup:$[/lib/x.so,rtn,$U]']],
    ['$]ldap:///o=x??sub?(mail=$U@$D)[@a', ['lookup:$]ldap:///o=x??sub?(mail=$U@$D)[', 'separator:@', 'literal:a']],
    ['$U%[$L]@tcp_intranet-daemon', ['substitution:$U', 'separator:%', 'literal:[', 'substitution:$L', 'literal:]', 'separator:@', 'literal:tcp_intranet-daemon']],
    ['$u%eng.siroe.com@siroenet', ['substitution:$u', 'separator:%', 'literal:eng.siroe.com', 'separator:@', 'literal:siroenet']],
    ['$U@com1@siroe.com', ['substitution:$U', 'separator:@', 'literal:com1', 'separator:@', 'literal:siroe.com']],
    ['', []],
  ];
  it.each(table)('%s', (t, expected) => {
    expect(kinds(t)).toEqual(expected);
    checkLossless(t);
  });

  it('decodes fields', () => {
    const p = parseTemplate('$4000000?Temporary lookup failure').pieces[0]!;
    expect(p).toMatchObject({ kind: 'error-text', message: 'Temporary lookup failure', statusCode: 4000000, status: '4.0.0' });
    expect(parseTemplate('$550?No?').pieces[0]).toMatchObject({ message: 'No', status: '0.0.550' });
    expect(parseTemplate('$Nverify').pieces[0]).toMatchObject({ kind: 'channel-check', code: 'N', channel: 'verify' });
    expect(parseTemplate('$mverify').pieces[0]).toMatchObject({ kind: 'channel-check', code: 'M', channel: 'verify' });
    expect(parseTemplate('$Tx|').pieces[0]).toMatchObject({ kind: 'tag', tag: 'x|' });
    expect(parseTemplate('$2D').pieces[0]).toMatchObject({ kind: 'substitution', code: 'D', n: 2 });
    expect(parseTemplate('$!3').pieces[0]).toMatchObject({ kind: 'label', op: '!', n: 3 });
    expect(parseTemplate('$1M').pieces[0]).toMatchObject({ kind: 'reprocess-check', code: 'M' });
    const l = parseTemplate('${MAP,$U@$D}').pieces[0]!;
    expect(l).toMatchObject({ kind: 'lookup', lookup: 'mapping', argument: 'MAP,$U@$D', argumentStart: 2 });
    expect((l as { argumentPieces: TemplatePiece[] }).argumentPieces.map((p) => p.kind)).toEqual(['literal', 'substitution', 'separator', 'substitution']);
    expect(parseTemplate('$]ldap:///x[').pieces[0]).toMatchObject({ kind: 'lookup', lookup: 'ldap', argument: 'ldap:///x' });
    const v = parseTemplate('$V$H.x@y').pieces[0]!;
    expect(v).toMatchObject({ kind: 'domain-check', code: 'V', argument: '$H.x', argumentStart: 2 });
  });
});

describe('parseTemplate: routing host', () => {
  it('is the text after the last top-level @, without controls', () => {
    expect(parseTemplate('$U%partner.net@verify-daemon$Nverify').routingHost).toEqual({ text: 'verify-daemon', start: 15, end: 28, dynamic: false });
    expect(parseTemplate('$U@com1@siroe.com').routingHost).toMatchObject({ text: 'siroe.com', dynamic: false });
    expect(parseTemplate('$S$U@localhost$Tmtcp-force|').routingHost?.text).toBe('localhost');
    expect(parseTemplate('$U%$H@$H-daemon').routingHost).toMatchObject({ text: '$H-daemon', dynamic: true });
    expect(parseTemplate('${MAP,$U@$D}@a').routingHost).toMatchObject({ text: 'a', start: 13 });
  });
  it('is absent without a top-level @', () => {
    expect(parseTemplate('$U%$H').routingHost).toBeUndefined();
    expect(parseTemplate('$($H)').routingHost).toBeUndefined();
    expect(parseTemplate('$?Unrecognized address; contact postmaster@siroe.com').routingHost).toBeUndefined();
  });
  it('marks the routing separator', () => {
    const seps = parseTemplate('$U@com1@siroe.com').pieces.filter((p) => p.kind === 'separator');
    expect(seps.map((p) => (p as { routing: boolean }).routing)).toEqual([false, true]);
  });
  it('diagnoses an empty routing host', () => {
    const r = parseTemplate('$U%x@$Nfoo');
    expect(r.routingHost).toBeUndefined();
    expect(r.diagnostics.map((d) => d.message)).toContain("nothing after the routing '@'");
  });
});

describe('parseTemplate: bad input', () => {
  const bad: [string, string[], RegExp][] = [
    ['$(x', ['invalid:$(', 'literal:x'], /unclosed \$\(/],
    ['${MAP,$U', ['invalid:${', 'literal:MAP,', 'substitution:$U'], /unclosed \$\{/],
    ['$[a,b', ['invalid:$[', 'literal:a,b'], /unclosed \$\[/],
    ['$]ldap:///x', ['invalid:$]', 'literal:ldap:///x'], /unclosed \$\]/],
    ['$Y$U', ['invalid:$Y', 'substitution:$U'], /unknown substitution \$Y/],
    ['$2U', ['invalid:$2U'], /unknown substitution/],
    ['$-x', ['invalid:$-', 'literal:x'], /unknown \$ sequence/],
    ['$5%x', ['invalid:$5', 'separator:%', 'literal:x'], /unknown/],
    ['a$', ['literal:a', 'invalid:$'], /lone \$/],
  ];
  it.each(bad)('%s', (t, expected, msg) => {
    const r = parseTemplate(t);
    expect(kinds(t)).toEqual(expected);
    expect(r.diagnostics.some((d) => msg.test(d.message))).toBe(true);
    checkLossless(t);
  });
  it('warns about @ inside $? text', () => {
    const r = parseTemplate('$?Unrecognized address; contact postmaster@siroe.com');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.severity).toBe('warning');
  });
  it('reports nested diagnostics with template offsets', () => {
    const r = parseTemplate('ab${MAP,$Y}');
    expect(r.diagnostics).toEqual([expect.objectContaining({ start: 8, end: 10 })]);
  });
});

describe('parseTemplate: properties', () => {
  const alphabet = fc.constantFrom(...'$%@()[]{}?~&!*#\\^_=UDHLAXWEBFRPSMNQCTVZuhd0129 .-|,:;"\n\t'.split(''));
  it('is lossless and never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 })), (t) => {
        const r = parseTemplate(t);
        expect(r.pieces.map((p) => p.text).join('')).toBe(t);
        let at = 0;
        for (const p of r.pieces) {
          expect(p.start).toBe(at);
          expect(p.end).toBe(at + p.text.length);
          expect(typeof explainPiece(p)).toBe('string');
          at = p.end;
        }
        for (const d of r.diagnostics) {
          expect(d.start).toBeGreaterThanOrEqual(0);
          expect(d.end).toBeLessThanOrEqual(t.length);
        }
        if (r.routingHost) expect(t.slice(r.routingHost.start, r.routingHost.end).length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('explainPiece', () => {
  it('explains every kind briefly', () => {
    const t = '$U$0U$1U$D$2H$L$W$0A$1X$&0$!0$*0$#0$$$\\$E$A$Mx$Nx$Qx$Cx$1M$1N$1~$Tt|$?msg$V$H$Z$H$(a)${m,a}$[i,r,a]$]ldap:///[$Y%@h';
    const texts = parseTemplate(t).pieces.map(explainPiece);
    for (const s of texts) {
      expect(s.length).toBeGreaterThan(5);
      expect(s.length).toBeLessThan(200);
    }
    expect(explainPiece(parseTemplate('$U').pieces[0]!)).toMatch(/user name/);
    expect(explainPiece(parseTemplate('$Nverify').pieces[0]!)).toMatch(/verify/);
    expect(explainPiece(parseTemplate('x@tcp-daemon').pieces[1]!)).toMatch(/routing host/);
  });
});
