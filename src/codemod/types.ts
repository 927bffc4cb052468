// Codemods: pure functions from a ConfigModel and arguments to a plan of text edits (or a
// refusal). They read the model and the lossless text; they never touch the disk. The
// runner (run.ts) turns a plan into new file texts, a diff, a re-lint and a transaction.
import type { TextEdit } from '../edit/edits.js';
import type { ConfigModel } from '../model/types.js';

export interface CodemodPlan {
  /** Minimal edits on the text as read, possibly across several files. */
  edits: TextEdit[];
  /** What the plan does and anything the administrator should know (warnings included). */
  messages: string[];
  /** What remains to do on the server once the files are written (`imsimta cnbuild` …). */
  nextSteps: string[];
  /** The configuration already is as asked: `edits` is empty. */
  nothingToDo?: boolean;
}

export interface CodemodRefusal {
  /** Why nothing can be done, and what to do instead. */
  refused: string;
}

export type CodemodResult = CodemodPlan | CodemodRefusal;

export const isRefusal = (r: CodemodResult): r is CodemodRefusal => (r as CodemodRefusal).refused !== undefined;

export type Codemod<A> = (model: ConfigModel, args: A) => CodemodResult;

export function refuse(reason: string): CodemodRefusal {
  return { refused: reason };
}
