import { addPool, setSyncTime } from '../../src/codemod/job-controller.js';
import { isRefusal } from '../../src/codemod/types.js';
import { modelOf, planOf, run, type Files } from './helpers.js';

const lines = (...l: string[]) => l.join('\n');
const IMTA = lines('x $U@mail.example.com', '', 'l', 'mail.example.com', '');
const JC = lines(
  '! VERSION=5.0',
  '! Global defaults',
  'tcp_port=27442',
  'sync_time=04:00',
  '!',
  '! Pool definitions',
  '[POOL=DEFAULT]',
  'job_limit=10',
  '!',
  '[POOL=SMTP_POOL]',
  'job_limit=10',
  '!',
  '! Channel definitions',
  '[CHANNEL=l]',
  'master_command=/lib/l_master',
  '',
);
const files = (jc: string): Files => ({ 'imta.cnf': IMTA, 'job_controller.cnf': jc });

describe('add-pool', () => {
  test('after the last pool, with the file’s separator', () => {
    expect(run(files(JC), addPool, { name: 'SLOW_POOL', jobLimit: 2 })['job_controller.cnf']).toBe(
      JC.replace('[POOL=SMTP_POOL]\njob_limit=10\n', '[POOL=SMTP_POOL]\njob_limit=10\n!\n[POOL=SLOW_POOL]\njob_limit=2\n'),
    );
  });

  test('the first pool of a file goes above the comments that introduce the first section', () => {
    const jc = lines('tcp_port=27442', '!', '! Channel definitions', '[CHANNEL=l]', 'master_command=x', '');
    expect(run(files(jc), addPool, { name: 'DEFAULT', jobLimit: 10 })['job_controller.cnf']).toBe(
      lines('tcp_port=27442', '[POOL=DEFAULT]', 'job_limit=10', '!', '! Channel definitions', '[CHANNEL=l]', 'master_command=x', ''),
    );
    const p = planOf(addPool(modelOf(files(jc)), { name: 'DEFAULT', jobLimit: 10 }));
    expect(p.messages).toContain('it is the first pool, so it becomes the default pool of every channel without a pool keyword');
    expect(p.nextSteps).toEqual(['imsimta restart job_controller']);
  });

  test('a file without sections and without a final line break', () => {
    expect(run(files('tcp_port=27442'), addPool, { name: 'P', jobLimit: 1 })['job_controller.cnf']).toBe('tcp_port=27442\n[POOL=P]\njob_limit=1');
  });

  test('the same pool again is nothing to do; with another limit it is refused', () => {
    const once = run(files(JC), addPool, { name: 'slow_pool', jobLimit: 2 });
    const again = addPool(modelOf(once), { name: 'SLOW_POOL', jobLimit: 2 });
    expect(!isRefusal(again) && again.nothingToDo).toBe(true);
    const other = addPool(modelOf(once), { name: 'SLOW_POOL', jobLimit: 3 });
    expect(isRefusal(other) && other.refused).toMatch(/pool slow_pool already exists \(job_controller\.cnf:13:1\) with job_limit=2/);
  });

  test.each<[string, string, number, RegExp]>([
    ['too long', 'THIRTEEN_CHRS', 1, /has 13 characters.*at most 12/],
    ['bad characters', 'A]B', 1, /may only contain/],
    ['bad job limit', 'P', 0, /not a whole number of 1 or more/],
  ])('refuses: %s', (_n, name, jobLimit, message) => {
    const r = addPool(modelOf(files(JC)), { name, jobLimit });
    expect(isRefusal(r) && r.refused).toMatch(message);
  });

  test('refuses without job_controller.cnf', () => {
    const r = addPool(modelOf({ 'imta.cnf': IMTA }), { name: 'P', jobLimit: 1 });
    expect(isRefusal(r) && r.refused).toMatch(/no job_controller\.cnf/);
  });
});

describe('set-sync-time', () => {
  test('edits the existing global value, nothing else', () => {
    expect(run(files(JC), setSyncTime, { time: '2:30' })['job_controller.cnf']).toBe(JC.replace('sync_time=04:00', 'sync_time=02:30'));
  });

  test('adds it at the end of the global settings, in their style', () => {
    const jc = JC.replace('sync_time=04:00\n', '').replace('tcp_port=27442', 'TCP_PORT = 27442');
    expect(run(files(jc), setSyncTime, { time: '01:00' })['job_controller.cnf']).toBe(jc.replace('TCP_PORT = 27442\n', 'TCP_PORT = 27442\nSYNC_TIME = 01:00\n'));
  });

  test('without global settings: above the comments that introduce the first section', () => {
    const jc = lines('! header', '', '! Pools', '[POOL=DEFAULT]', 'job_limit=1', '');
    expect(run(files(jc), setSyncTime, { time: '01:00' })['job_controller.cnf']).toBe(lines('! header', '', 'sync_time=01:00', '! Pools', '[POOL=DEFAULT]', 'job_limit=1', ''));
  });

  test('a sync_time inside a section is not the global one', () => {
    const jc = JC.replace('sync_time=04:00\n', '').replace('[POOL=DEFAULT]\n', '[POOL=DEFAULT]\nsync_time=09:00\n');
    const out = run(files(jc), setSyncTime, { time: '01:00' })['job_controller.cnf'];
    expect(out).toContain('tcp_port=27442\nsync_time=01:00\n');
    expect(out).toContain('sync_time=09:00');
  });

  test('the same time is nothing to do (however written)', () => {
    for (const t of ['04:00', '4:00']) {
      const r = setSyncTime(modelOf(files(JC)), { time: t });
      expect(!isRefusal(r) && r.nothingToDo).toBe(true);
    }
  });

  test('SYNCH_TIME (the index spelling) is edited too, with a warning when both are set', () => {
    const jc = JC.replace('sync_time=04:00', 'sync_time=04:00\nsynch_time=03:00');
    const m = modelOf(files(jc));
    const p = planOf(setSyncTime(m, { time: '02:00' }));
    expect(run(files(jc), setSyncTime, { time: '02:00' })['job_controller.cnf']).toBe(jc.replace('sync_time=04:00\nsynch_time=03:00', 'sync_time=02:00\nsynch_time=02:00'));
    expect(p.messages).toContain('warning: both SYNC_TIME and SYNCH_TIME are set; the Job Controller may read only one of them');
  });

  test.each([
    ['00:30', /more than 30 minutes.*'00:30' is 30 minutes/],
    ['0:15', /more than 30 minutes/],
    ['02:75', /not a time interval HH:MM/],
    ['two', /not a time interval/],
  ])('refuses %s', (time, message) => {
    const r = setSyncTime(modelOf(files(JC)), { time });
    expect(isRefusal(r) && r.refused).toMatch(message);
  });

  test('00:31 is accepted', () => {
    expect(isRefusal(setSyncTime(modelOf(files(JC)), { time: '00:31' }))).toBe(false);
  });
});
