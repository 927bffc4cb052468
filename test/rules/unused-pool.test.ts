import rule from '../../rules/unused-pool.js';
import { ruleTester } from '../helpers/rule-tester.js';

const JC = '[POOL=DEFAULT]\njob_limit=10\n!\n[POOL=SMTP_POOL]\njob_limit=10\n!\n[POOL=IMS_POOL]\njob_limit=1\n';
const imta = (channels: string) => `a $U@local\n\nl\nlocal\n\n${channels}`;

ruleTester(rule, {
  valid: [
    { name: 'every pool used (the first one by default)', files: { 'imta.cnf': imta('tcp_local pool SMTP_POOL\nd\n\nims-ms pool ims_pool\ne\n'), 'job_controller.cnf': JC } },
    { name: 'used through a defaults line', files: { 'imta.cnf': 'a $U@local\n\ndefaults pool SMTP_POOL\n\nl pool IMS_POOL\nlocal\n', 'job_controller.cnf': JC } },
    { name: 'SIMS queues', files: { 'imta.cnf': imta('tcp_local queue SINGLE_JOB\nd\n'), 'job_controller.cnf': '[QUEUE=DEFAULT]\njob_limit=10\n[QUEUE=SINGLE_JOB]\njob_limit=1\n' } },
    { name: 'imta.cnf is only a fragment: other channels may use the pool', fragment: 'channels', scope: { complete: false }, files: { 'imta.cnf': 'tcp_local pool SMTP_POOL\nd\n', 'job_controller.cnf': JC } },
    { name: 'job_controller.cnf alone', files: { 'job_controller.cnf': JC } },
  ],
  invalid: [
    {
      name: 'a pool no channel names',
      files: { 'imta.cnf': imta('tcp_local pool SMTP_POOL\nd\n'), 'job_controller.cnf': JC },
      errors: [
        {
          file: 'job_controller.cnf',
          message:
            "pool 'IMS_POOL' is not used: no channel in imta.cnf has 'pool IMS_POOL', so the Job Controller never runs a job in it; remove the section, or add 'pool IMS_POOL' to the channels meant to run there",
          line: 7,
          column: 7,
          endColumn: 15,
        },
      ],
    },
    {
      name: 'SIMS queue',
      files: { 'imta.cnf': imta('tcp_local smtp\nd\n'), 'job_controller.cnf': '[QUEUE=DEFAULT]\njob_limit=10\n[QUEUE=SINGLE_JOB]\njob_limit=1\n' },
      errors: [
        {
          file: 'job_controller.cnf',
          message:
            "queue 'SINGLE_JOB' is not used: no channel in imta.cnf has 'queue SINGLE_JOB', so the Job Controller never runs a job in it; remove the section, or add 'queue SINGLE_JOB' to the channels meant to run there",
          line: 3,
          column: 8,
          endColumn: 18,
        },
      ],
    },
  ],
});
