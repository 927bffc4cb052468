// A summary of what a file says, with layout removed: one entry per logical line (its
// words as the MTA reads them, a rule's pattern and template, a setting's name and value,
// a comment's text), a single marker for each run of structural blank lines. Formatting
// must not change it: formatText checks this after every run (a formatter bug then
// refuses the file instead of changing it), and the Prettier plugin hands it to
// `prettier --debug-check` as the AST to compare.
import { parse, textOf, tokenKind, type FileKind, type SyntaxNode, type Token } from '../../grammar/index.js';
import { lineWords } from '../model/words.js';

const SKIP_IN_TEMPLATE = new Set(['Continuation', 'ContinuedComment', 'Newline']);

function commentText(t: Token): string {
  return t.image.replace(/\r?\n$/, '').replace(/[ \t]+$/, '');
}

/** Comment lines inside a continued logical line. */
function innerComments(tokens: Token[]): string[] {
  return tokens.filter((t) => tokenKind(t) === 'ContinuedComment').map((t) => `comment ${commentText(t)}`);
}

function words(tokens: Token[]): string[] {
  return lineWords(tokens).words.map((w) => w.text);
}

function ruleKey(tokens: Token[]): string {
  const ws = lineWords(tokens).words;
  if (!ws.length) return 'rule';
  if (ws.length === 1) return `rule ${JSON.stringify([ws[0].text, ''])}`;
  const from = ws[1].start;
  const to = ws[ws.length - 1].end;
  let template = '';
  for (const t of tokens) {
    const s = t.startOffset;
    const e = s + t.image.length;
    if (e <= from || s >= to || SKIP_IN_TEMPLATE.has(tokenKind(t))) continue;
    template += t.image.slice(Math.max(s, from) - s, Math.min(e, to) - s);
  }
  return `rule ${JSON.stringify([ws[0].text, template])}`;
}

function imtaKey(root: SyntaxNode, out: string[]): void {
  const line = (n: SyntaxNode, kind: string) => {
    const tokens = n.children as Token[];
    if (n.kind === 'CommentLine') out.push(`comment ${commentText(tokens[0])}`);
    else if (n.kind === 'IncludeLine') out.push(`include ${tokens[0].image.slice(1).trim()}`);
    else if (n.kind === 'RewriteRule') out.push(ruleKey(tokens), ...innerComments(tokens));
    else out.push(`${kind} ${JSON.stringify(words(tokens))}`, ...innerComments(tokens));
  };
  for (const part of root.children as SyntaxNode[]) {
    if (part.kind === 'RuleSection') for (const n of part.children as SyntaxNode[]) line(n, 'rule');
    else if (part.kind === 'ChannelTable') {
      for (const item of part.children as SyntaxNode[]) {
        if (item.kind === 'BlankLines') out.push('blank');
        else if (item.kind === 'ChannelBlock') {
          out.push('block');
          for (const n of item.children as SyntaxNode[]) line(n, n.kind === 'KeywordLine' ? 'keywords' : 'host');
        } else line(item, 'line');
      }
    } else out.push(`error ${textOf(part)}`);
  }
}

function optionKey(root: SyntaxNode, out: string[]): void {
  for (const n of root.children as SyntaxNode[]) {
    const tokens = n.children as Token[];
    switch (n.kind) {
      case 'BlankLines':
        break;
      case 'CommentLine':
        out.push(`comment ${commentText(tokens[0])}`);
        break;
      case 'IncludeLine':
        out.push(`include ${tokens[0].image.slice(1).trim()}`);
        break;
      case 'SectionHeader':
        out.push(`section ${tokens[0].image}`);
        break;
      case 'Setting': {
        const eq = tokens.findIndex((t) => tokenKind(t) === 'Equals');
        const name = tokens.slice(0, eq).filter((t) => tokenKind(t) === 'Name').map((t) => t.image).join(' ');
        const value = tokens
          .slice(eq + 1)
          .filter((t) => ['Value', 'Equals', 'Name'].includes(tokenKind(t)))
          .map((t) => t.image)
          .join('')
          .replace(/[ \t]+$/, '');
        out.push(`setting ${JSON.stringify([name, value])}`, ...innerComments(tokens));
        break;
      }
      default:
        out.push(`error ${tokens.map((t) => t.image).join('')}`);
    }
  }
}

export function meaningKey(text: string, kind: FileKind, start: 'rules' | 'channels' = 'rules'): string[] {
  return meaningKeyOf(parse(text, kind, { start }).tree.root, kind);
}

/** meaningKey of a tree already parsed. */
export function meaningKeyOf(root: SyntaxNode, kind: FileKind): string[] {
  const out: string[] = [];
  if (kind === 'imta.cnf') imtaKey(root, out);
  else optionKey(root, out);
  return out;
}
