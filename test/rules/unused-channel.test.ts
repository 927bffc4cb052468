import rule from '../../rules/unused-channel.js';
import { ruleTester } from '../helpers/rule-tester.js';

const BASE = 'mail.siroe.com $U%mail.siroe.com@mail.siroe.com\n';
const CHANNELS = '\nl\nmail.siroe.com\n\ntcp_local smtp\ntcp-daemon\n';
const MSG = (name: string, host: string) =>
  `channel '${name}' is not used: no rewrite rule routes to its host name '${host}', and no keyword, rule check, dispatcher service, mapping or alias names it, so no mail reaches it; remove the block, or add a rewrite rule that routes to '${host}'`;

ruleTester(rule, {
  valid: [
    { name: 'system channels need no rule', files: BASE + CHANNELS + '\nreprocess\nreprocess-daemon\n\ntcp_lmtpcs lmtp\ntcp_lmtpcs-daemon\n\nims-ms_2\nx-daemon\n' },
    { name: 'routed to by a rule', files: BASE + '.partner.com $U%$H$D@tcp_partner-daemon\n' + CHANNELS + '\ntcp_partner smtp\ntcp_partner-daemon\n' },
    { name: 'switched to by a keyword', files: BASE + CHANNELS.replace('tcp_local smtp', 'tcp_local smtp saslswitchchannel tcp_authx') + '\ntcp_authx smtp\ntcp_authx-daemon\n' },
    {
      name: 'the host of an aliasdetourhost / aliasoptindetourhost',
      files: BASE + CHANNELS.replace('tcp_local smtp', 'tcp_local smtp aliasdetourhost tcp_scanner-daemon aliasoptindetourhost a-daemon,tcp_av-daemon') + '\ntcp_scanner smtp\ntcp_scanner-daemon\n\ntcp_av smtp\ntcp_av-daemon\n',
    },
    { name: 'named by a $M/$N/$C/$Q check', files: BASE + 'a.com $U%a.com@tcp-daemon$Nverify\n' + CHANNELS + '\nverify\nverify-daemon\n' },
    {
      name: 'named by the Dispatcher, a mapping, an alias or option.dat',
      files: {
        'imta.cnf': BASE + CHANNELS + '\ntcp_lsrv smtp\ntcp_lsrv-daemon\n\nconv2\nconv2-daemon\n\nstore\nstore-daemon\n\nlmtpx\nlmtpx-daemon\n',
        'dispatcher.cnf': '[SERVICE=X]\nPARAMETER=CHANNEL=tcp_lsrv\n',
        mappings: 'CONVERSIONS\n\n  IN-CHAN=conv2;OUT-CHAN=*;CONVERT   Yes\n',
        aliases: 'joe@siroe.com: joe@store-daemon\n',
        'option.dat': 'DELIVERY_OPTIONS=#*mailbox=@$X.LMTP:$M@lmtpx-daemon\n',
        'job_controller.cnf': '',
      },
    },
    { name: 'reached by an extra host name or a domain as official host', files: BASE + CHANNELS + '\nbigcorp\nbigcorp-daemon\nlegacy.bigcorp.com\n\npartner\nmx.partner.com\n' },
    { name: 'a run-time routing host that may produce the host name', files: BASE + '.lmtp $U%$H@$&0-daemon\n' + CHANNELS + '\nbackend\nbackend-daemon\n' },
    { name: 'a fragment does not show every rule', fragment: 'channels', files: 'l\nlocal\n\nfoo\nfoo-daemon\n' },
  ],
  invalid: [
    {
      name: 'nothing routes to it',
      files: BASE + 'sales.siroe.com $U%sales.siroe.com@tcp_siroe-daemon\n' + CHANNELS + '\ntcp_sales smtp\ntcp_sales-daemon\n',
      errors: [{ message: MSG('tcp_sales', 'tcp_sales-daemon'), line: 10, column: 1, endLine: 10, endColumn: 10 }],
    },
    {
      name: 'a run-time host that cannot produce its name',
      files: BASE + '.lmtp $U%$H@$&0-lmtp\n' + CHANNELS + '\nbackend\nbackend-daemon\n',
      errors: [{ message: MSG('backend', 'backend-daemon'), line: 10, column: 1, endColumn: 8 }],
    },
  ],
});
