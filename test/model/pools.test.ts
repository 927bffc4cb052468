// Which pool a channel's jobs run in: one answer for the codemods and the language server.
import { buildModel } from '../../src/model/load.js';
import { defaultPoolName, isDefaultPool, namedPool, poolUsers } from '../../src/model/pools.js';

const JC = '[POOL=DEFAULT]\njob_limit=10\n[POOL=SMTP_POOL]\njob_limit=7\n[QUEUE=OLD]\n';
const model = (imta: string, jc: string | null = JC) =>
  buildModel({
    files: [{ relPath: 'imta.cnf', kind: 'imta.cnf', text: imta }, ...(jc === null ? [] : [{ relPath: 'job_controller.cnf', kind: 'job_controller.cnf' as const, text: jc }])],
  });

const IMTA = [
  'a $U@b',
  '',
  'defaults pool SMTP_POOL',
  '',
  'l pool default',
  'b',
  '',
  'tcp_a smtp',
  'a-daemon',
  '',
  'tcp_b smtp pool OTHER pool smtp_pool',
  'b-daemon',
  '',
  'tcp_c smtp queue OLD',
  'c-daemon',
  '',
  'nodefaults',
  '',
  'tcp_d smtp',
  'd-daemon',
  '',
].join('\n');

describe('pools', () => {
  const m = model(IMTA);
  const pool = (name: string) => namedPool(m, m.channel(name)!);

  test('the last pool or queue keyword in force wins; a channel\'s own beats its defaults', () => {
    expect(['l', 'tcp_a', 'tcp_b', 'tcp_c', 'tcp_d'].map(pool)).toEqual(['default', 'SMTP_POOL', 'smtp_pool', 'OLD', undefined]);
  });

  test('users of a pool: case-insensitive, and the first pool defined has the channels that name none', () => {
    expect(defaultPoolName(m)).toBe('DEFAULT');
    expect(['default', 'DEFAULT', 'SMTP_POOL'].map((p) => isDefaultPool(m, p))).toEqual([true, true, false]);
    expect(poolUsers(m, 'DEFAULT').map((c) => c.name)).toEqual(['l', 'tcp_d']);
    expect(poolUsers(m, 'Smtp_Pool').map((c) => c.name)).toEqual(['tcp_a', 'tcp_b']);
    expect(poolUsers(m, 'OLD').map((c) => c.name)).toEqual(['tcp_c']);
    expect(poolUsers(m, 'OTHER')).toEqual([]);
  });

  test('without job_controller.cnf there is no default pool: channels that name none use no named pool', () => {
    const bare = model(IMTA, null);
    expect(defaultPoolName(bare)).toBeUndefined();
    expect(isDefaultPool(bare, 'DEFAULT')).toBe(false);
    expect(poolUsers(bare, 'DEFAULT').map((c) => c.name)).toEqual(['l']);
  });
});
