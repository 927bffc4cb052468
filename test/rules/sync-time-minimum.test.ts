import rule from '../../rules/sync-time-minimum.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';

const jc = (line: string) => ({ 'job_controller.cnf': `tcp_port=27442\n${line}\n[POOL=DEFAULT]\njob_limit=10\n` });

ruleTester(rule, {
  valid: [
    { name: 'the 6.3 troubleshooting example', files: jc('sync_time=02:00') },
    { name: 'just above 30 minutes; SYNCH_TIME spelling; blanks around =', files: jc('SYNCH_TIME = 00:31') },
    { name: 'not set (default 4 hours)', files: jc('slave_command=NULL') },
  ],
  invalid: [
    {
      name: 'below the minimum',
      files: jc('sync_time=00:15'),
      errors: [
        {
          message: 'sync_time=00:15 asks the Job Controller to re-synchronise its queue cache every 15 minutes, but the interval must be more than 30 minutes; set 00:31 or more (the default is 04:00)',
          line: 2,
          column: 11,
          endColumn: 16,
        },
      ],
    },
    {
      name: 'exactly 30 minutes is not more than 30',
      files: jc('synch_time=0:30'),
      errors: [
        {
          message: 'synch_time=0:30 asks the Job Controller to re-synchronise its queue cache every 30 minutes, but the interval must be more than 30 minutes; set 00:31 or more (the default is 04:00)',
          line: 2,
          column: 12,
          endColumn: 16,
        },
      ],
    },
    {
      name: 'malformed values',
      files: jc('sync_time=4h\nsync_time=01:75'),
      errors: [
        {
          message: 'sync_time=4h is not an interval of the form hh:mm: the Job Controller cannot read how often to re-synchronise its queue cache; write e.g. sync_time=04:00 (the default, 4 hours)',
          line: 2,
          column: 11,
          endColumn: 13,
        },
        {
          message: 'sync_time=01:75 is not an interval of the form hh:mm: the Job Controller cannot read how often to re-synchronise its queue cache; write e.g. sync_time=04:00 (the default, 4 hours)',
          line: 3,
          column: 11,
          endColumn: 16,
        },
      ],
    },
  ],
});

test('sync-time-minimum suggests the default interval, without applying it', () => {
  const { reports } = runRule(rule, { files: jc('sync_time=00:15') });
  expect(reports[0].fix).toBeUndefined();
  expect(reports[0].suggestions?.[0].edits[0].text).toBe('04:00');
});
