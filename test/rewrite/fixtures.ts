import type { ChannelInput, RewriteRuleInput } from '../../src/rewrite/types.js';

/** Rules from "pattern template" lines (blank lines and `!` comments skipped). */
export function rules(text: string, file = 'imta.cnf'): RewriteRuleInput[] {
  const out: RewriteRuleInput[] = [];
  text.split('\n').forEach((l, i) => {
    if (l.trim() === '' || l.startsWith('!')) return;
    const m = /^(\S+)\s+(.*?)\s*$/.exec(l.trim());
    if (m) out.push({ pattern: m[1]!, template: m[2]!, file, line: i + 1 });
  });
  return out;
}

export function ch(name: string, officialHost: string, hosts: (string | [string, string])[] = [], keywords: string[] = []): ChannelInput {
  return {
    name,
    officialHost,
    hosts: hosts.map((h) => (typeof h === 'string' ? { name: h } : { name: h[0], properName: h[1] })),
    keywords,
  };
}

/** The synthetic configuration of rewrite-rules.md §10 (examples 5–20). */
export const SPEC_RULES = rules(`
example.org                 $U%example.org@mail.example.org
mail.example.org            $U%mail.example.org@mail.example.org
.example.org                $U%$H$D@tcp_intranet-daemon
ims-ms.mail.example.org     $E$U@ims-ms-daemon
*                           $U%$&0.example.org@tcp_intranet-daemon
.removable                  $U%$H
.com                        $U%$H$D@tcp-daemon
.                           $U%$H@tcp-daemon
[]                          $U%[$L]@tcp_intranet-daemon
partner.net                 $U%partner.net@verify-daemon$Nverify
partner.net                 $U%partner.net@tcp-daemon
`);

export const SPEC_CHANNELS: ChannelInput[] = [
  ch('l', 'mail.example.org'),
  ch('ims-ms', 'ims-ms-daemon'),
  ch('tcp_local', 'tcp-daemon'),
  ch('tcp_intranet', 'tcp_intranet-daemon'),
  ch('verify', 'verify-daemon'),
  ch('bigcorp', 'bigcorp-daemon', ['legacy.bigcorp.com']),
];
