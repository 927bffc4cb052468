import rule from '../../rules/dispatcher-unknown-channel.js';
import { ruleTester } from '../helpers/rule-tester.js';

const IMTA = 'a $U@local\n\nl\nlocal\n\ntcp_local smtp\ntcp-daemon\n\ntcp_submit submit smtp\ntcp_submit-daemon\n';
const DISP = (service: string, channel: string) => `MIN_PROCS=0\n!\n[SERVICE=${service}]\nPORT=587\nPARAMETER=CHANNEL=${channel}\n`;

ruleTester(rule, {
  valid: [
    { name: 'the channel exists', files: { 'imta.cnf': IMTA, 'dispatcher.cnf': DISP('SMTP_SUBMIT', 'tcp_submit'), 'job_controller.cnf': '' } },
    { name: 'no PARAMETER=CHANNEL', files: { 'imta.cnf': IMTA, 'dispatcher.cnf': '[SERVICE=SMTP]\nPORT=25\n', 'job_controller.cnf': '' } },
    { name: 'dispatcher.cnf alone', files: { 'dispatcher.cnf': DISP('LMTPSS', 'tcp_lmtpss') } },
    {
      name: 'a channel block merged into the one above it (missing blank line) is left to channel-block-separation',
      files: { 'imta.cnf': 'a $U@local\n\nl\nlocal\n\ntcp_auth smtp\ntcp_auth-daemon\ntcp_submit submit smtp mx\ntcp_submit-daemon\n', 'dispatcher.cnf': DISP('SMTP_SUBMIT', 'tcp_submit'), 'job_controller.cnf': '' },
    },
  ],
  invalid: [
    {
      name: 'a misspelled channel',
      files: { 'imta.cnf': IMTA, 'dispatcher.cnf': DISP('SMTP_SUBMIT', 'tcp_submt'), 'job_controller.cnf': '' },
      errors: [
        {
          file: 'dispatcher.cnf',
          message:
            "service [SERVICE=SMTP_SUBMIT] (port 587) assigns its connections to channel 'tcp_submt', which imta.cnf does not define: the SMTP server has no such channel to receive the mail as; did you mean 'tcp_submit'?",
          line: 5,
          column: 19,
          endColumn: 28,
        },
      ],
    },
    {
      name: 'an LMTP channel that was never added',
      files: { 'imta.cnf': IMTA, 'dispatcher.cnf': '[SERVICE=LMTPSS]\nPARAMETER=CHANNEL=tcp_lmtpss\n', 'job_controller.cnf': '' },
      errors: [
        {
          file: 'dispatcher.cnf',
          message:
            "service [SERVICE=LMTPSS] assigns its connections to channel 'tcp_lmtpss', which imta.cnf does not define: the SMTP server has no such channel to receive the mail as; define the channel in imta.cnf or correct the name",
          line: 2,
          column: 19,
          endColumn: 29,
        },
      ],
    },
  ],
});
