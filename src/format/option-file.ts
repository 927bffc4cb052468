// Planning the layout of MTA option files (job_controller.cnf, dispatcher.cnf, option.dat,
// imta_tailor, <channel>_option): `name=value` with no blanks around `=`, values exactly
// as the reader sees them, blank lines (which mean nothing here) collapsed.
import { tokenKind, type SyntaxNode, type Token } from '../../grammar/index.js';
import { checkContentLine, isWordToken, splitLines, trimLineEnd, type PlanItem } from './plan.js';
import { FormatRefusal } from './refusal.js';

/** Characters that mean something in column 1 of an option file. */
const COLUMN_ONE = '!#;[<';

export function planOptionFile(root: SyntaxNode, text: string): PlanItem[] {
  const items: PlanItem[] = [];
  for (const item of root.children as SyntaxNode[]) {
    switch (item.kind) {
      case 'BlankLines':
        // Leading blank lines are dropped here, trailing ones below.
        if (items.length && items[items.length - 1].type !== 'blank') items.push({ type: 'blank' });
        break;
      case 'CommentLine':
      case 'IncludeLine':
        items.push({ type: 'text', lines: [trimLineEnd(lineBody(item))] });
        break;
      case 'SectionHeader':
        items.push(planSection(item, text));
        break;
      case 'Setting':
        items.push(planSetting(item, text));
        break;
      default: {
        const tokens = item.children as Token[];
        const first = tokens.find(isWordToken) ?? tokens[0];
        throw new FormatRefusal(
          'option-syntax',
          'this line is not a NAME=value setting, a [TYPE=name] section header or a comment (comments start with ! in column 1)',
          text,
          first ? first.startOffset : 0,
        );
      }
    }
  }
  while (items.length && items[items.length - 1].type === 'blank') items.pop();
  return items;
}

function lineBody(line: SyntaxNode): string {
  return (line.children as Token[])
    .filter((t) => tokenKind(t) !== 'Newline')
    .map((t) => t.image)
    .join('');
}

function planSection(node: SyntaxNode, text: string): PlanItem {
  const tokens = node.children as Token[];
  const head = tokens[0];
  const refuse = (why: string) => {
    throw new FormatRefusal('option-syntax', `section header ${why}; write it as [TYPE=name] alone on its line`, text, head.startOffset);
  };
  if (!head.image.endsWith(']')) refuse("has no closing ']'");
  if (!head.image.includes('=')) refuse("has no '=' between type and name");
  if (tokens.slice(1).some((t) => tokenKind(t) !== 'Ws' && tokenKind(t) !== 'Newline')) refuse('is followed by more text on its line');
  return { type: 'text', lines: [head.image] };
}

function planSetting(node: SyntaxNode, text: string): PlanItem {
  const tokens = node.children as Token[];
  checkContentLine(text, tokens, COLUMN_ONE);
  const eq = tokens.findIndex((t) => tokenKind(t) === 'Equals');
  const before = tokens.slice(0, eq);
  if (before.some((t) => tokenKind(t) === 'Continuation' || tokenKind(t) === 'ContinuedComment')) {
    // A name continued onto the next line: keep the setting as written.
    const first = tokens.find(isWordToken)!;
    const last = [...tokens].reverse().find(isWordToken)!;
    const lines = splitLines(text.slice(first.startOffset, last.startOffset + last.image.length));
    lines[lines.length - 1] = lines[lines.length - 1].replace(/[ \t]+$/, '');
    return { type: 'text', lines };
  }
  const name = before
    .filter((t) => tokenKind(t) === 'Name')
    .map((t) => t.image)
    .join(' ');
  const valueTokens = tokens.slice(eq + 1).filter(isWordToken);
  if (!valueTokens.length) return { type: 'setting', name, lines: [''], joined: '' };
  // The value as written from the first thing after `=` and its blanks: a value that starts
  // on the next line (`NAME=\` then one item per line) keeps that layout when it does not fit.
  const first = tokens.slice(eq + 1).find((t) => tokenKind(t) !== 'Ws')!;
  const last = valueTokens[valueTokens.length - 1];
  const lines = splitLines(text.slice(first.startOffset, last.startOffset + last.image.length)).map((l, i) =>
    i > 0 && COLUMN_ONE.slice(0, 3).includes(l[0] ?? ' ') ? trimLineEnd(l) : l,
  );
  lines[lines.length - 1] = lines[lines.length - 1].replace(/[ \t]+$/, '');
  const hasComment = tokens.some((t) => tokenKind(t) === 'ContinuedComment');
  const joined = hasComment ? undefined : valueTokens.map((t) => t.image).join('').replace(/[ \t]+$/, '');
  return { type: 'setting', name, lines, joined };
}
