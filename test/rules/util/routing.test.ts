// The routing util's one-pass reader of simple templates must agree with the template
// lexer wherever it answers (it may decline and leave the template to the lexer).
import fc from 'fast-check';
import { fastRoute, lexedRoute, substitutedHostPattern } from '../../../rules/util/routing.js';

const strip = (p: ReturnType<typeof lexedRoute>) => ({ checks: p.checks, host: p.host && { text: p.host.text, dynamic: p.host.dynamic, start: p.host.start, end: p.host.end } });

const TEMPLATES = [
  '$U%mail.siroe.com@mail.siroe.com',
  '$E$U%$H$D@tcp_intranet-daemon',
  '$U%$H$D@tcp_intranet-daemon$Nverify',
  '$E$R${INTERNAL_IP,$L}$U%[$L]@tcp_intranet-daemon',
  '$*  $E$F$U%$H$V$H@island.siroe.com',
  '$B$F$U%$H@$H@lmtpcs-daemon',
  '$U%$&0.eng.company.com@tcp_local-daemon',
  '$E$U%$[IMTA_LIBUTIL,hostName,$L]@tcp-daemon',
  '$S$U@localhost$Tmtcp-force|',
  '$U%$H',
  '$?Unrecognized address; contact postmaster@siroe.com',
  '$U$@x@y-daemon',
  '$1M$U@a$Mtcp_local$Qims-ms',
  '$U@a%b',
  '$U@',
  '$',
];

test('fast path agrees with the lexer on typical templates', () => {
  for (const t of TEMPLATES) {
    const fast = fastRoute(t);
    if (fast) expect([t, strip(fast)]).toEqual([t, strip(lexedRoute(t))]);
  }
  // The typical ones must take the fast path.
  expect(fastRoute('$U%mail.siroe.com@mail.siroe.com')?.host?.text).toBe('mail.siroe.com');
  expect(fastRoute('$1M$U@a$Mtcp_local$Qims-ms')).toBeUndefined();
  expect(fastRoute('$E$U%$H$D@tcp_intranet-daemon')?.host).toEqual({ text: 'tcp_intranet-daemon', dynamic: false, start: 10, end: 29 });
  const dyn = fastRoute('$U%$H@$&0-daemon')?.host;
  expect(dyn?.dynamic).toBe(true);
  const re = substitutedHostPattern(dyn!.text);
  expect([re.test('ims-DAEMON'), re.test('ims-lmtp')]).toEqual([true, false]);
  expect(lexedRoute('$U%$H@$&0-daemon').host?.pattern?.source).toBe(re.source);
});

test('fast path agrees with the lexer on generated templates', () => {
  const piece = fc.constantFrom('$U', '$0U', '$1U', '$12U', '$D', '$2H', '$H', '$L', '$2L', '$W', '$A', '$0A', '$X', '$3X', '$!1', '$#2', '$*0', '$\\', '$^', '$=', '$E', '$F', '$&0', '$$', '$%', '$@', '$Mtcp_local', '$Nverify', '$Cx', '$1M', '$1~', '$Ttag|', '$Vx', '$?err', '$4000000?e?', '$(k)', '${T,$L}', '$[a,b,c]', '$]ldap:///x[', '$', '$K', '%', '@', '@', 'a', '-daemon', '.', 'x.com', ' ', '|');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
      const t = parts.join('');
      const fast = fastRoute(t);
      if (!fast) return;
      const lexed = lexedRoute(t);
      expect(strip(fast)).toEqual(strip(lexed));
      // The same host names match the run-time host either way.
      if (fast.host?.dynamic) {
        const re = substitutedHostPattern(fast.host.text);
        for (const name of ['a-daemon', 'x.com', 'ax.com-daemon', 'A.X.COM', '']) expect(re.test(name)).toBe(lexed.host!.pattern!.test(name));
      }
    }),
    { numRuns: 3000 },
  );
});
