// job-controller-settings: job_controller.cnf values the Job Controller cannot use as
// written (other-files.md §1.1–§1.3):
//   * REBUILD_PARALLEL_CHANNEL must be a whole number from 1 to 100 (6.3);
//   * URGENT_DELIVERY / NORMAL_DELIVERY / NONURGENT_DELIVERY are `hh:mm-hh:mm` windows
//     (hours 00–23, minutes 00–59); a window over midnight is undocumented (warning); in a
//     [POOL=…] section they are presumably ignored (warning);
//   * both SYNC_TIME and SYNCH_TIME set: one of them may be ignored (warning);
//   * [PERIODIC_JOB=…] sections are deprecated since 2005Q4 (warning).
// Unknown option names are NOT reported: the documented tables are not exhaustive across
// patch levels (the 2005Q4 guide's own sample has `anon_host=0`).
import { defineRule } from '../src/lint/define-rule.js';
import type { Setting } from '../src/model/types.js';

const WINDOW_KEYS = new Set(['URGENT_DELIVERY', 'NORMAL_DELIVERY', 'NONURGENT_DELIVERY']);

/** Minutes since midnight of `hh:mm` (h:mm accepted), or undefined when malformed. */
function clock(s: string): number | undefined {
  const m = /^([0-9]{1,2}):([0-9]{2})$/.exec(s);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? h * 60 + min : undefined;
}

const rule = defineRule({
  meta: {
    id: 'job-controller-settings',
    description:
      'job_controller.cnf values the Job Controller cannot use as written: REBUILD_PARALLEL_CHANNEL outside 1–100, malformed delivery windows, both sync_time spellings, deprecated PERIODIC_JOB sections.',
    severity: 'error',
    fixable: false,
  },
  create(context) {
    const jc = context.model.jobController;
    if (!jc) return;
    const at = (s: Setting) => ({ file: s.file, start: s.valueRange.start, end: s.valueRange.end });
    const syncs: Setting[] = [];
    for (const s of jc.settings) {
      const name = s.nameWord.text;
      if (s.key === 'REBUILD_PARALLEL_CHANNEL') {
        const n = /^[0-9]+$/.test(s.value) ? Number(s.value) : NaN;
        if (!(n >= 1 && n <= 100))
          context.report({
            ...at(s),
            message: `${name}=${s.value}: the Job Controller reads between 1 and 100 channel queue directories at a time when it rebuilds its queue cache; write a whole number from 1 to 100 (the default is 12)`,
          });
      } else if (WINDOW_KEYS.has(s.key)) {
        const m = /^([^-]+)-([^-]+)$/.exec(s.value);
        const from = m ? clock(m[1].trim()) : undefined;
        const to = m ? clock(m[2].trim()) : undefined;
        if (from === undefined || to === undefined) {
          context.report({
            ...at(s),
            message: `${name}=${s.value} is not a delivery window of the form hh:mm-hh:mm (hours 00–23, minutes 00–59): the Job Controller cannot tell when the channel may run; write e.g. ${name}=08:00-20:00`,
          });
        } else if (from > to) {
          context.report({
            ...at(s),
            severity: 'warning',
            message: `${name}=${s.value} starts later than it ends: a window over midnight is not documented, and the Job Controller may never start the channel's jobs; split it or check that your version accepts it`,
          });
        }
        if (s.section?.type === 'POOL')
          context.report({
            file: s.file,
            start: s.nameWord.start,
            end: s.nameWord.end,
            severity: 'warning',
            message: `${name} is a channel option, but it stands in the section [POOL=${s.section.value}], where it is presumably ignored; move it to a [CHANNEL=…] section (or before the first section, for every channel)`,
          });
      } else if (s.key === 'SYNC_TIME' || s.key === 'SYNCH_TIME') {
        syncs.push(s);
      }
    }
    const spellings = new Set(syncs.map((s) => s.key));
    if (spellings.size > 1) {
      const later = syncs[syncs.length - 1];
      const other = syncs.find((s) => s.key !== later.key)!;
      context.report({
        file: later.file,
        start: later.nameWord.start,
        end: later.nameWord.end,
        severity: 'warning',
        message: `both ${other.nameWord.text} (line ${other.file.lines.position(other.nameWord.start).line}) and ${later.nameWord.text} are set: the manuals spell the option both ways and one of them may be ignored; keep one (sync_time, as in the 6.3 troubleshooting example)`,
      });
    }
    for (const sec of jc.sections) {
      if (sec.type !== 'PERIODIC_JOB') continue;
      context.report({
        file: sec.file,
        start: sec.headerRange.start,
        end: sec.headerRange.end,
        severity: 'warning',
        message: `[PERIODIC_JOB=${sec.value}] sections are deprecated since Messaging Server 2005Q4 and announced for removal; schedule the command with the configutil parameter local.schedule.periodic_job instead`,
      });
    }
  },
});

export default rule;
