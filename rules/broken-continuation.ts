// broken-continuation: a `\` followed by blanks at the end of a line. The MTA joins a line
// with the next only when `\` is the very last character (imta-cnf.md §2, §12 item 3;
// other-files.md §0 for option files), so the line ends there: the `\` stays as a word
// (a keyword, a template character, part of an option value) and the next line is read on
// its own. One linear scan over the tokens of every file.
import { isToken, tokenKind, type SyntaxNode, type Token } from '../grammar/index.js';
import { edit } from '../src/edit/edits.js';
import { defineRule } from '../src/lint/define-rule.js';
import type { SourceFile } from '../src/model/types.js';
import { nextLineStart } from './util/physical-lines.js';
import { isRunItem, rawItemsOf, rawTokensOf } from '../grammar/imta.js';

const NEXT_READ_AS: Partial<Record<SyntaxNode['kind'], string>> = {
  KeywordLine: "'WORD' is read as a keyword and the next line as a host line",
  HostLine: 'the next line is read as another host line',
  RewriteRule: "the '\\' stays in the template and the next line is read as a rule of its own",
  Entry: 'the next line is read as an entry of its own',
  Setting: "the value keeps the '\\' and the next line is read as a line of its own",
};

/** The `\` is the `$\` template control (lower-case the rest): an odd run of `$` before it. */
function isDollarControl(image: string): boolean {
  let n = 0;
  for (let i = image.length - 2; i >= 0 && image[i] === '$'; i--) n++;
  return n % 2 === 1;
}

/** A line after the broken one that the author meant to continue into: not blank, not a comment, include or section. */
function continuable(file: SourceFile, offset: number): boolean {
  const next = nextLineStart(file.text, offset);
  if (next === undefined) return false;
  const c = file.text[next];
  if (c === undefined || c === '\n' || c === '\r' || c === '!' || c === '<') return false;
  if (file.kind !== 'imta.cnf' && file.kind !== 'aliases' && file.kind !== 'mappings' && (c === '#' || c === ';' || c === '[')) return false;
  return file.text.slice(next, file.text.indexOf('\n', next) === -1 ? undefined : file.text.indexOf('\n', next)).trim() !== '';
}

/**
 * Whether a node may hold a `\` followed by blanks at the end of a physical line, judged
 * on the text as the parser left it: content runs and unsplit lines are only split into
 * words (grammar/imta.ts) when this says they must be looked at.
 */
function mayHaveBrokenContinuation(node: SyntaxNode): boolean {
  if (node.kind === 'ChannelTable' || node.kind === 'ImtaFile' || node.kind === 'OptionFile') return true;
  if (node.kind === 'RuleSection' || node.kind === 'ChannelBlock' || node.kind === 'LineFile') {
    for (const item of rawItemsOf(node)) {
      if (isRunItem(item) ? /\\[ \t]+\r?$/m.test(item.run.image) : mayHaveBrokenContinuation(item)) return true;
    }
    return false;
  }
  for (const t of rawTokensOf(node)) {
    if (!isToken(t)) continue;
    const last = t.image.charCodeAt(t.image.length - 1);
    // Cheap test first: only text ending in a blank can end in `\` and blanks.
    if ((last === 32 || last === 9) && /\\[ \t]+$/.test(t.image)) return true;
  }
  return false;
}

const rule = defineRule({
  meta: {
    id: 'broken-continuation',
    description: "A '\\' followed by blanks at the end of a line: not a continuation, the line ends there.",
    severity: 'error',
    fixable: true,
  },
  create(context) {
    for (const file of context.model.files) {
      const scan = (node: SyntaxNode) => {
        // Content lines split their text into words only when asked (grammar/imta.ts);
        // most lines have no `\` before trailing blanks, and need not be split.
        if (!mayHaveBrokenContinuation(node)) return;
        const kids = node.children;
        for (let i = 0; i < kids.length; i++) {
          const t = kids[i];
          if (!isToken(t)) {
            scan(t);
            continue;
          }
          const kind = tokenKind(t);
          let slash: number | undefined;
          let blanks: Token | undefined;
          const word = kind === 'Word' ? t.image : '\\';
          if (kind === 'Word' && t.image.endsWith('\\') && !isDollarControl(t.image)) {
            const ws = kids[i + 1];
            const after = kids[i + 2];
            if (ws && isToken(ws) && tokenKind(ws) === 'Ws' && (!after || (isToken(after) && tokenKind(after) === 'Newline'))) {
              slash = t.startOffset + t.image.length - 1;
              blanks = ws;
            }
          } else if (kind === 'Value') {
            const m = /\\([ \t]+)$/.exec(t.image);
            if (m) {
              slash = t.startOffset + m.index;
              blanks = { startOffset: slash + 1, image: m[1] } as Token;
            }
          }
          if (slash === undefined || !blanks) continue;
          const end = blanks.startOffset + blanks.image.length;
          const n = blanks.image.length;
          const effect = (NEXT_READ_AS[node.kind] ?? 'the next line is read on its own').replace('WORD', () => word);
          context.report({
            file,
            start: slash,
            end,
            message: `'\\' followed by ${n} blank${n === 1 ? '' : 's'} is not a continuation: the MTA continues a line only when '\\' is its very last character, so the line ends here and ${effect}; delete the blanks after the '\\'`,
            ...(continuable(file, slash) ? { fix: { description: "delete the blanks after '\\'", edits: [edit(file, blanks.startOffset, end, '')] } } : {}),
          });
        }
      };
      scan(file.tree.root);
    }
  },
});

export default rule;
