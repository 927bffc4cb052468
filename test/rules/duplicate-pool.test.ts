import rule from '../../rules/duplicate-pool.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'distinct pools', files: { 'job_controller.cnf': '[POOL=DEFAULT]\njob_limit=10\n[POOL=SMTP_POOL]\njob_limit=2\n[CHANNEL=SMTP_POOL]\nmaster_command=x\n' } },
  ],
  invalid: [
    {
      name: 'the same pool twice, case-insensitively',
      files: { 'job_controller.cnf': '[POOL=DEFAULT]\njob_limit=10\n!\n[POOL=SMTP_POOL]\njob_limit=2\n!\n[POOL=smtp_pool]\njob_limit=20\n' },
      errors: [
        {
          message:
            "pool 'smtp_pool' is defined a second time (first at line 4): only one definition can be in force, and which one the Job Controller keeps is not documented; merge the two sections into one",
          line: 7,
          column: 1,
          endColumn: 17,
        },
      ],
    },
    {
      name: 'SIMS queues',
      files: { 'job_controller.cnf': '[QUEUE=DEFAULT]\njob_limit=10\n[QUEUE=DEFAULT]\ncapacity=10\n' },
      errors: [
        {
          message:
            "queue 'DEFAULT' is defined a second time (first at line 1): only one definition can be in force, and which one the Job Controller keeps is not documented; merge the two sections into one",
          line: 3,
          column: 1,
          endColumn: 16,
        },
      ],
    },
  ],
});
