import rule from '../../rules/unknown-channel-section.js';
import { ruleTester } from '../helpers/rule-tester.js';

const IMTA = 'a $U@local\n\nl\nlocal\n\nims-ms\nims-ms-daemon\n\ntcp_local smtp\ntcp-daemon\n';

ruleTester(rule, {
  valid: [
    { name: 'sections for existing channels; prefix sections', files: { 'imta.cnf': IMTA, 'job_controller.cnf': '[CHANNEL=l]\nmaster_command=a\n[CHANNEL=IMS-MS]\nmaster_command=b\n[CHANNEL=tcp_*]\nmaster_command=c\n[CHANNEL=x*]\nmaster_command=d\n' } },
    { name: 'job_controller.cnf alone', files: { 'job_controller.cnf': '[CHANNEL=sims-ms]\nmaster_command=b\n' } },
    {
      name: "a channel lost to a missing blank line (reprocess under tcp_local): channel-block-separation's report, not this one",
      files: { 'imta.cnf': IMTA.replace('tcp-daemon\n', 'tcp-daemon\nreprocess\nreprocess-daemon\n'), 'job_controller.cnf': '[CHANNEL=reprocess]\nmaster_command=b\n' },
    },
    { name: 'imta.cnf fragment', fragment: 'channels', scope: { complete: false }, files: { 'imta.cnf': 'l\nlocal\n', 'job_controller.cnf': '[CHANNEL=ims-ms]\nmaster_command=b\n' } },
  ],
  invalid: [
    {
      name: 'a misspelled channel',
      files: { 'imta.cnf': IMTA, 'job_controller.cnf': '[POOL=DEFAULT]\njob_limit=1\n[CHANNEL=ims_ms]\nmaster_command=b\n' },
      errors: [{ file: 'job_controller.cnf', message: "[CHANNEL=ims_ms] names no channel of imta.cnf: the Job Controller never uses these settings; did you mean 'ims-ms'?", line: 3, column: 10, endColumn: 16 }],
    },
    {
      name: 'a channel that is not there',
      files: { 'imta.cnf': IMTA, 'job_controller.cnf': '[CHANNEL=pipe]\nmaster_command=b\n' },
      errors: [{ file: 'job_controller.cnf', message: '[CHANNEL=pipe] names no channel of imta.cnf: the Job Controller never uses these settings; remove the section or correct the channel name', line: 1, column: 10, endColumn: 14 }],
    },
    {
      name: 'a keyword wrapped onto a host line is no channel (tcp_local smtp / maytlsserver allowswitchchannel)',
      files: { 'imta.cnf': IMTA.replace('tcp_local smtp\n', 'tcp_local smtp\nmaytlsserver allowswitchchannel\n'), 'job_controller.cnf': '[CHANNEL=maytlsserver]\nmaster_command=b\n' },
      errors: [{ file: 'job_controller.cnf', message: '[CHANNEL=maytlsserver] names no channel of imta.cnf: the Job Controller never uses these settings; remove the section or correct the channel name', line: 1, column: 10, endColumn: 22 }],
    },
  ],
});
