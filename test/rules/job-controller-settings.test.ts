import rule from '../../rules/job-controller-settings.js';
import { ruleTester } from '../helpers/rule-tester.js';

const jc = (text: string) => ({ 'job_controller.cnf': `tcp_port=27442\n${text}` });

ruleTester(rule, {
  valid: [
    {
      name: 'documented values; unknown option names (anon_host, SIMS capacity) are not reported',
      files: jc('Rebuild_Parallel_Channel=12\nsync_time=02:00\n[POOL=DEFAULT]\njob_limit=10\ncapacity=200\n[CHANNEL=tcp_*]\nanon_host=0\nurgent_delivery=08:00-20:00\nnormal_delivery = 0:00-23:59\n'),
    },
    { name: 'delivery windows as global defaults for every channel', files: jc('nonurgent_delivery=22:00-23:30\n[POOL=DEFAULT]\n') },
    { name: 'one sync_time spelling, twice', files: jc('sync_time=02:00\nsync_time=03:00\n') },
  ],
  invalid: [
    {
      name: 'REBUILD_PARALLEL_CHANNEL outside 1–100 or not a number',
      files: jc('REBUILD_PARALLEL_CHANNEL=0\n[CHANNEL=l]\nrebuild_parallel_channel=150\nREBUILD_PARALLEL_CHANNEL=x\n'),
      errors: [
        {
          message:
            'REBUILD_PARALLEL_CHANNEL=0: the Job Controller reads between 1 and 100 channel queue directories at a time when it rebuilds its queue cache; write a whole number from 1 to 100 (the default is 12)',
          file: 'job_controller.cnf',
          line: 2,
          column: 26,
          endColumn: 27,
          severity: 'error',
        },
        { message: 'rebuild_parallel_channel=150: the Job Controller reads between 1 and 100 channel queue directories at a time when it rebuilds its queue cache; write a whole number from 1 to 100 (the default is 12)', file: 'job_controller.cnf', line: 4, column: 26, endColumn: 29 },
        { message: 'REBUILD_PARALLEL_CHANNEL=x: the Job Controller reads between 1 and 100 channel queue directories at a time when it rebuilds its queue cache; write a whole number from 1 to 100 (the default is 12)', file: 'job_controller.cnf', line: 5, column: 26, endColumn: 27 },
      ],
    },
    {
      name: 'malformed and over-midnight delivery windows; a window in a pool section',
      files: jc('[POOL=SMTP_POOL]\nurgent_delivery=20:00-08:00\n[CHANNEL=tcp_local]\nnormal_delivery=8-20\nnonurgent_delivery=08:00-24:00\n'),
      errors: [
        {
          message:
            'urgent_delivery is a channel option, but it stands in the section [POOL=SMTP_POOL], where it is presumably ignored; move it to a [CHANNEL=…] section (or before the first section, for every channel)',
          file: 'job_controller.cnf',
          line: 3,
          column: 1,
          endColumn: 16,
          severity: 'warning',
        },
        {
          message:
            "urgent_delivery=20:00-08:00 starts later than it ends: a window over midnight is not documented, and the Job Controller may never start the channel's jobs; split it or check that your version accepts it",
          file: 'job_controller.cnf',
          line: 3,
          column: 17,
          endColumn: 28,
          severity: 'warning',
        },
        {
          message:
            'normal_delivery=8-20 is not a delivery window of the form hh:mm-hh:mm (hours 00–23, minutes 00–59): the Job Controller cannot tell when the channel may run; write e.g. normal_delivery=08:00-20:00',
          file: 'job_controller.cnf',
          line: 5,
          column: 17,
          endColumn: 21,
          severity: 'error',
        },
        { message: 'nonurgent_delivery=08:00-24:00 is not a delivery window of the form hh:mm-hh:mm (hours 00–23, minutes 00–59): the Job Controller cannot tell when the channel may run; write e.g. nonurgent_delivery=08:00-20:00', file: 'job_controller.cnf', line: 6, column: 20, endColumn: 31 },
      ],
    },
    {
      name: 'both sync_time and synch_time',
      files: jc('sync_time=02:00\nSYNCH_TIME=03:00\n'),
      errors: [
        {
          message:
            'both sync_time (line 2) and SYNCH_TIME are set: the manuals spell the option both ways and one of them may be ignored; keep one (sync_time, as in the 6.3 troubleshooting example)',
          file: 'job_controller.cnf',
          line: 3,
          column: 1,
          endColumn: 11,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'deprecated PERIODIC_JOB section',
      files: jc('[PERIODIC_JOB=return_job]\nCOMMAND=IMTA_BIN:return.sh\nTIME=00:30\n'),
      errors: [
        {
          message:
            '[PERIODIC_JOB=return_job] sections are deprecated since Messaging Server 2005Q4 and announced for removal; schedule the command with the configutil parameter local.schedule.periodic_job instead',
          file: 'job_controller.cnf',
          line: 2,
          column: 1,
          endColumn: 26,
          severity: 'warning',
        },
      ],
    },
  ],
});
