// The keyword lines of a configuration: each channel's own first line and each
// `defaults` / `nodefaults` line, every one exactly once (a channel's inherited defaults
// are reported where they are written, on the defaults line).
import { edit, type Fix } from '../../src/edit/edits.js';
import type { Channel, ConfigModel, DefaultsBlock, KeywordUse } from '../../src/model/types.js';
import { realChannels } from './bogus-channels.js';
import { isMisplacedCommentWord } from './misplaced-comment.js';

export type KeywordLine =
  | { kind: 'channel'; channel: Channel; uses: KeywordUse[] }
  | { kind: 'defaults'; block: DefaultsBlock; uses: KeywordUse[] };

/** Real channel blocks (not swallowed rules, `!` blocks or cut-off host names): see bogus-channels.ts. */
export { realChannels };

/** Words of a keyword line that are really an indented `!` comment (misplaced-comment reports them). */
export { isMisplacedCommentWord };

export function keywordLines(model: ConfigModel): KeywordLine[] {
  const out: KeywordLine[] = [];
  for (const block of model.defaults) out.push({ kind: 'defaults', block, uses: block.keywords });
  for (const channel of realChannels(model)) out.push({ kind: 'channel', channel, uses: channel.keywords });
  return out;
}

/** "channel 'tcp_local'" or "the channels after this defaults line". */
export function lineOwner(line: KeywordLine): string {
  return line.kind === 'channel' ? `channel '${line.channel.name}'` : `the channels after this ${line.block.kind} line`;
}

/** The file the line is in. */
export function lineFile(line: KeywordLine) {
  return line.kind === 'channel' ? line.channel.file : line.block.file;
}

/**
 * Whether `uses[i]` is an unquoted duration written after a `backoff`-family keyword
 * (`backoff pt5m`): the list takes only quoted tokens, so the MTA reads it as an unknown
 * keyword. keyword-arguments reports it (quote it); unknown-keyword stays quiet.
 */
export function isUnquotedDuration(uses: readonly KeywordUse[], i: number): boolean {
  const u = uses[i];
  if (u.info || u.word.quoted || !/^p(?:t?[0-9]|[0-9])[0-9a-z.]*$/i.test(u.word.text)) return false;
  for (let k = i - 1; k >= 0; k--) {
    const prev = uses[k];
    if (prev.info?.arity.kind === 'durList') return true;
    if (prev.info || !/^p(?:t?[0-9]|[0-9])[0-9a-z.]*$/i.test(prev.word.text)) return false;
  }
  return false;
}

/**
 * A fix that deletes a keyword use (with its arguments) and the blanks before it, so the
 * rest of the line keeps its spacing; across a `\` continuation only the words go.
 * `what` names it in the fix's title (default: the keyword as written).
 */
export function removeUseFix(use: KeywordUse, what = `'${use.word.text}'`): Fix {
  const r = removeUseRange(use);
  return { description: `remove ${what}`, edits: [edit(use.file, r.start, r.end, '')] };
}

function removeUseRange(use: KeywordUse): { start: number; end: number } {
  const text = use.file.text;
  let start = use.range.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') return { start, end: use.range.end };
  // First word on its physical line: take the blanks after it instead.
  let end = use.range.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return { start: use.range.start, end };
}
