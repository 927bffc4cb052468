import * as fs from 'node:fs';
import * as path from 'node:path';
import { addChannel } from '../../src/codemod/add-channel.js';
import { engineLinter, newErrors, type LintProblem } from '../../src/codemod/relint.js';
import { changesOf, hunksOf, rebuildModel, runCodemod, unifiedDiff } from '../../src/codemod/run.js';
import { setSyncTime } from '../../src/codemod/job-controller.js';
import { loadConfig } from '../../src/model/load.js';
import { modelOf, snapshot, tempCopy } from './helpers.js';

const problem = (ruleId: string, message: string, severity: LintProblem['severity'] = 'error', line = 1): LintProblem => ({
  ruleId,
  message,
  severity,
  file: 'imta.cnf',
  line,
  column: 1,
});

describe('newErrors', () => {
  test('compares errors by rule id and message, not position, counting repeats', () => {
    const before = [problem('a', 'x', 'error', 1), problem('b', 'y', 'warning')];
    expect(newErrors(before, [problem('a', 'x', 'error', 9)])).toEqual([]);
    expect(newErrors(before, [problem('a', 'x'), problem('a', 'x', 'error', 2)])).toEqual([problem('a', 'x', 'error', 2)]);
    expect(newErrors(before, [problem('b', 'y', 'error')])).toEqual([problem('b', 'y', 'error')]);
    expect(newErrors(before, [problem('c', 'z', 'warning')])).toEqual([]);
    expect(newErrors(before, [problem('a', 'other')])).toEqual([problem('a', 'other')]);
  });
});

describe('runCodemod', () => {
  let dir: string;
  afterEach(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  test('an edit that introduces a new error is not written, and the errors are returned', () => {
    dir = tempCopy();
    const before = snapshot(dir);
    const model = loadConfig(dir);
    // A linter that objects to any channel named tcp_sesta.
    const linter = (m: typeof model) => m.channels.filter((c) => c.name === 'tcp_sesta').map(() => problem('no-sesta', 'tcp_sesta is not wanted'));
    const r = runCodemod(model, addChannel(model, { domain: 'sesta.com' }), { write: true, linter });
    expect(r.status).toBe('lint-failed');
    expect(r.exitCode).toBe(1);
    expect(r.newErrors).toEqual([problem('no-sesta', 'tcp_sesta is not wanted')]);
    expect(r.reason).toBe('the change would introduce 1 new error; nothing was written');
    expect(snapshot(dir)).toEqual(before);
  });

  test('the real lint engine: copying a --like channel with an error would add one more', () => {
    dir = tempCopy(undefined, (name, text) => (name === 'imta.cnf' ? text.replace('maxjobs 7 pool SMTP_POOL maytlsserver maysaslserver \\', 'maxjobs 7 pool SMTP_POOL maytlsservr maysaslserver \\') : text));
    const before = snapshot(dir);
    const model = loadConfig(dir);
    const r = runCodemod(model, addChannel(model, { domain: 'sesta.com' }), { write: true, linter: engineLinter() });
    expect(r.status).toBe('lint-failed');
    expect(r.newErrors.map((p) => [p.ruleId, p.file, p.line])).toEqual([['unknown-keyword', 'imta.cnf', 79]]);
    expect(snapshot(dir)).toEqual(before);
  });

  test('the real lint engine finds no new error in add-channel on the example', () => {
    dir = tempCopy();
    const model = loadConfig(dir);
    const r = runCodemod(model, addChannel(model, { domain: 'sesta.com' }), { linter: engineLinter() });
    expect(r.status).toBe('planned');
    expect(r.newErrors).toEqual([]);
  });

  test('the edited model is built in memory, includes and all', () => {
    dir = tempCopy();
    const model = loadConfig(dir);
    const after = rebuildModel(model, changesOf(model, addChannel(model, { domain: 'sesta.com' })));
    expect(after.channel('tcp_sesta')?.officialHost?.host.text).toBe('tcp_sesta-daemon');
    expect(after.pool('SMTP_SESTA')?.jobLimit?.value).toBe('10');
    expect(after.rules.some((r) => r.file.relPath === 'internet.rules')).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'imta.cnf'), 'utf8')).not.toContain('tcp_sesta');
  });

  test('the edited model holds the files as the codemod read them, not as they are on disk now', () => {
    dir = tempCopy();
    const model = loadConfig(dir);
    const changes = changesOf(model, addChannel(model, { domain: 'sesta.com' }));
    // Someone edits a file the change does not touch, after it was read.
    const untouched = model.files.find((f) => !changes.some((c) => c.relPath === f.relPath))!;
    fs.appendFileSync(untouched.path, '\n! edited meanwhile\n');
    const after = rebuildModel(model, changes);
    expect(after.files.find((f) => f.relPath === untouched.relPath)!.text).toBe(untouched.text);
  });

  test('a failed write is reported with exit code 1 and changes nothing', () => {
    dir = tempCopy();
    const before = snapshot(dir);
    const model = loadConfig(dir);
    let renames = 0;
    const r = runCodemod(model, addChannel(model, { domain: 'sesta.com' }), {
      write: true,
      fsImpl: {
        renameSync: (a: fs.PathLike, b: fs.PathLike) => {
          if (String(a).endsWith('.tmp') && ++renames === 2) throw Object.assign(new Error('EIO'), { code: 'EIO' });
          fs.renameSync(a, b);
        },
      },
    });
    expect(r.status).toBe('write-failed');
    expect(r.exitCode).toBe(1);
    expect(r.reason).toMatch(/cannot replace .*job_controller\.cnf/);
    expect(snapshot(dir)).toEqual(before);
  });

  test('refusal, nothing to do, dry run and write statuses', () => {
    const files = { 'imta.cnf': 'x $U@a\n\nl\na\n', 'job_controller.cnf': 'sync_time=04:00\n' };
    const m = modelOf(files);
    expect(runCodemod(m, setSyncTime(m, { time: '00:10' }))).toMatchObject({ status: 'refused', exitCode: 1, reason: expect.stringMatching(/more than 30 minutes/) });
    expect(runCodemod(m, setSyncTime(m, { time: '4:00' }))).toMatchObject({ status: 'nothing-to-do', exitCode: 0, changes: [] });
    const planned = runCodemod(m, setSyncTime(m, { time: '05:00' }));
    expect(planned).toMatchObject({ status: 'planned', exitCode: 0, nextSteps: ['imsimta restart job_controller'] });
    expect(unifiedDiff(planned.changes)).toBe('--- a/job_controller.cnf\n+++ b/job_controller.cnf\n@@ -1,1 +1,1 @@\n-sync_time=04:00\n+sync_time=05:00\n');
    expect(hunksOf(planned.changes[0])).toEqual([{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 1, lines: ['-sync_time=04:00', '+sync_time=05:00'] }]);
  });

  test('edits that change nothing are nothing to do', () => {
    const files = { 'imta.cnf': 'x $U@a\n' };
    const m = modelOf(files);
    const r = runCodemod(m, { edits: [{ path: 'imta.cnf', start: 0, end: 1, text: 'x' }], messages: [], nextSteps: [] });
    expect(r.status).toBe('nothing-to-do');
  });
});
