// Codemods of job_controller.cnf alone: add-pool and set-sync-time. The Job Controller
// reads the file at start-up, so the next step is restarting it (no cnbuild needed).
import type { TextEdit } from '../edit/edits.js';
import type { ConfigModel } from '../model/types.js';
import { checkJobLimit, checkPoolName, poolLengthNote } from './names.js';
import { headerLine, insertSection, isPoolSection, settingLine } from './option-edit.js';
import { insertLines, nodeRange, where } from './text.js';
import { refuse, type CodemodResult } from './types.js';
import type { SyntaxNode } from '../../grammar/index.js';

export const JOB_CONTROLLER_STEPS = ['imsimta restart job_controller'];

export interface AddPoolArgs {
  name: string;
  jobLimit: number;
}

export function addPool(model: ConfigModel, args: AddPoolArgs): CodemodResult {
  const jc = model.jobController;
  if (!jc) return refuse('no job_controller.cnf in the configuration directory');
  const nameError = checkPoolName(args.name, 'choose a shorter name');
  if (nameError) return refuse(nameError);
  const limitError = checkJobLimit(args.jobLimit);
  if (limitError) return refuse(limitError);
  const existing = model.pool(args.name);
  if (existing) {
    const at = where(jc.file, existing.section.headerRange.start);
    if (existing.jobLimit?.value === String(args.jobLimit))
      return { edits: [], messages: [`pool ${existing.name} already exists (${at}) with job_limit=${args.jobLimit}; nothing to do`], nextSteps: [], nothingToDo: true };
    return refuse(`pool ${existing.name} already exists (${at}) with job_limit=${existing.jobLimit?.value ?? '(unset)'}; edit that value instead`);
  }
  const pools = jc.sections.filter(isPoolSection);
  const last = pools[pools.length - 1];
  const sample = last?.settings.find((s) => s.key === 'JOB_LIMIT');
  const edit = insertSection(jc, last, isPoolSection, [headerLine(jc, 'POOL', args.name), settingLine(jc, 'job_limit', String(args.jobLimit), sample)]);
  const messages = [`define pool ${args.name} (job_limit=${args.jobLimit}) in ${jc.file.relPath}${last ? ` after pool ${last.value}` : ''}`];
  const note = poolLengthNote(args.name);
  if (note) messages.push(note);
  messages.push(`no channel uses it yet: add 'pool ${args.name}' to a channel's keywords in imta.cnf`);
  if (!last) messages.push(`it is the first pool, so it becomes the default pool of every channel without a pool keyword`);
  return { edits: [edit], messages, nextSteps: JOB_CONTROLLER_STEPS };
}

export interface SetSyncTimeArgs {
  /** `HH:MM`, more than 30 minutes. */
  time: string;
}

const MIN_SYNC_MINUTES = 30;

export function setSyncTime(model: ConfigModel, args: SetSyncTimeArgs): CodemodResult {
  const m = /^(\d{1,2}):(\d{2})$/.exec(args.time.trim());
  if (!m || Number(m[2]) > 59) return refuse(`'${args.time}' is not a time interval HH:MM (e.g. 02:00)`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes <= MIN_SYNC_MINUTES) return refuse(`sync_time must be more than ${MIN_SYNC_MINUTES} minutes (the Job Controller's documented minimum); '${args.time}' is ${minutes} minutes`);
  const time = `${m[1].padStart(2, '0')}:${m[2]}`;
  const jc = model.jobController;
  if (!jc) return refuse('no job_controller.cnf in the configuration directory');

  const current = jc.globals.filter((s) => s.key === 'SYNC_TIME' || s.key === 'SYNCH_TIME');
  const edits: TextEdit[] = [];
  const messages: string[] = [];
  for (const s of current) {
    const cm = /^(\d{1,2}):(\d{2})$/.exec(s.value);
    if (cm && Number(cm[1]) * 60 + Number(cm[2]) === minutes) continue;
    edits.push({ path: s.file.path, start: s.valueRange.start, end: s.valueRange.end, text: time });
    messages.push(`set ${s.nameWord.text} from ${s.value || '(empty)'} to ${time} (${where(s.file, s.nameWord.start)})`);
  }
  if (current.length > 1) messages.push(`warning: both SYNC_TIME and SYNCH_TIME are set; the Job Controller may read only one of them`);
  if (!current.length) {
    const line = settingLine(jc, 'sync_time', time, jc.globals[jc.globals.length - 1]);
    if (jc.globals.length) {
      edits.push(insertLines(jc.file, nodeRange(jc.globals[jc.globals.length - 1].node).end, [line]));
    } else if (jc.sections.length) {
      // Above the comment lines that introduce the first section.
      const items = jc.file.tree.root.children as SyntaxNode[];
      let i = items.indexOf(jc.sections[0].header);
      while (i > 0 && items[i - 1].kind === 'CommentLine') i--;
      edits.push(insertLines(jc.file, nodeRange(items[i]).start, [line]));
    } else edits.push(insertLines(jc.file, jc.file.text.length, [line]));
    messages.push(`add ${line} to the global settings of ${jc.file.relPath}`);
  }
  if (!edits.length) return { edits, messages: [`sync_time is already ${time}; nothing to do`], nextSteps: [], nothingToDo: true };
  return { edits, messages, nextSteps: JOB_CONTROLLER_STEPS };
}
