// Planning the layout of imta.cnf text (the main file, included rule files and included
// channel files). Layout is syntax in this file, so the plan keeps every line break that
// carries meaning: the blank line that ends the rewrite rules, the blank lines between
// channel blocks (several collapse to one), comment and include lines in column 1, and
// comment lines inside continued lines. Only blanks and continuations between words move.
import { tokenKind, type SyntaxNode, type Token } from '../../grammar/index.js';
import { parseKeywords } from '../model/imta.js';
import type { SourceFile, Word } from '../model/types.js';
import { lineWords } from '../model/words.js';
import { checkContentLine, isWordToken, splitLines, trimLineEnd, type FillPiece, type PlanItem } from './plan.js';
import { FormatRefusal } from './refusal.js';

/** Characters that mean something in column 1 of imta.cnf. */
const COLUMN_ONE = '!<';

export function planImta(root: SyntaxNode, text: string): PlanItem[] {
  const items: PlanItem[] = [];
  for (const part of root.children as SyntaxNode[]) {
    if (part.kind === 'RuleSection') {
      for (const line of part.children as SyntaxNode[]) {
        if (line.kind === 'RewriteRule') items.push(planRule(line, text));
        else items.push(verbatim(line));
      }
    } else if (part.kind === 'ChannelTable') {
      for (const item of part.children as SyntaxNode[]) {
        if (item.kind === 'BlankLines') items.push({ type: 'blank' });
        else if (item.kind === 'ChannelBlock') {
          for (const line of item.children as SyntaxNode[]) {
            if (line.kind === 'KeywordLine') items.push(planKeywordLine(line, text));
            else if (line.kind === 'HostLine') items.push(planHostLine(line, text));
            else items.push(verbatim(line));
          }
        } else items.push(verbatim(item));
      }
    } else {
      throw new FormatRefusal('internal-parse-error', 'cnflint could not parse this file; please report it', text, 0);
    }
  }
  return items;
}

/** A comment or include line: as written, trailing blanks removed. */
function verbatim(line: SyntaxNode): PlanItem {
  const tokens = line.children as Token[];
  const body = tokens.filter((t) => tokenKind(t) !== 'Newline').map((t) => t.image).join('');
  return { type: 'text', lines: [trimLineEnd(body)] };
}

/** Refuses a word starting with `!`: an attempted comment the MTA reads as a keyword, host or template text. */
function checkBangWords(words: Word[], text: string): void {
  const bang = words.find((w) => w.text.startsWith('!'));
  if (bang)
    throw new FormatRefusal(
      'misplaced-comment',
      `'${bang.text}' is read as part of the line: '!' starts a comment only in column 1; put the comment on a line of its own`,
      text,
      bang.start,
    );
}

function checkFused(words: Word[], text: string): void {
  const fused = words.find((w) => w.fused);
  if (fused)
    throw new FormatRefusal(
      'fused-word',
      `the continuation joins two parts into the single word '${fused.text}' (no blank on either side of the '\\'); put a blank before the '\\' if they are two words, or join the lines`,
      text,
      fused.start,
    );
}

/** The logical line's source lines from `start` to `end`, comment lines trimmed. */
function sourceLines(text: string, start: number, end: number): string[] {
  return splitLines(text.slice(start, end)).map((l, i) => (i > 0 && l.startsWith('!') ? trimLineEnd(l) : l));
}

function planRule(line: SyntaxNode, text: string): PlanItem {
  const tokens = line.children as Token[];
  checkContentLine(text, tokens, COLUMN_ONE);
  const { words } = lineWords(tokens);
  checkBangWords(words, text);
  const pattern = words[0];
  if (pattern.fused) checkFused([pattern], text);
  if (words.length === 1) return { type: 'rule', pattern: pattern.text, template: [], align: false };
  const tmplStart = words[1].start;
  const tmplEnd = words[words.length - 1].end;
  const template = sourceLines(text, tmplStart, tmplEnd);
  // Only blanks and continuations between pattern and template may be replaced; a comment
  // line there (or a pattern glued to its template) keeps the rule as written.
  const between = tokens.filter((t) => t.startOffset >= pattern.end && t.startOffset < tmplStart);
  const movable = between.length > 0 && between.every((t) => tokenKind(t) === 'Ws' || tokenKind(t) === 'Continuation');
  if (!movable) {
    const first = tokens.find(isWordToken)!;
    return { type: 'text', lines: sourceLines(text, first.startOffset, tmplEnd) };
  }
  const split = between.some((t) => tokenKind(t) === 'Continuation');
  return { type: 'rule', pattern: pattern.text, template, align: true, ...(split ? { split } : {}) };
}

/**
 * Runs of adjacent word tokens on one physical line: what is printed as one piece
 * (normally one word; `"a"b` is two words to the MTA, kept glued as written).
 */
interface Run {
  text: string;
  start: number;
  end: number;
}

type RunOrComment = { run: Run } | { comment: string };

function runsOf(tokens: Token[]): RunOrComment[] {
  const out: RunOrComment[] = [];
  let cur: Run | undefined;
  for (const t of tokens) {
    if (isWordToken(t)) {
      if (cur) {
        cur.text += t.image;
        cur.end = t.startOffset + t.image.length;
      } else {
        cur = { text: t.image, start: t.startOffset, end: t.startOffset + t.image.length };
        out.push({ run: cur });
      }
      continue;
    }
    cur = undefined;
    if (tokenKind(t) === 'ContinuedComment') out.push({ comment: trimLineEnd(t.image.replace(/\r?\n$/, '')) });
  }
  return out;
}

/**
 * Pieces of a logical line: runs grouped into units by `unitOf` (the unit index of the
 * word starting at an offset); a comment line inside the line splits a unit.
 */
function pieces(parts: RunOrComment[], words: Word[], unitOf: (wordIndex: number) => number): FillPiece[] {
  const indexByStart = new Map<number, number>();
  words.forEach((w, i) => indexByStart.set(w.start, i));
  const out: FillPiece[] = [];
  let unit: { unit: string } | undefined;
  let unitId = -1;
  // Units covered by a run: a run that holds words of several units merges them.
  const runUnits = (r: Run): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    words.forEach((w, i) => {
      if (w.start >= r.start && w.start < r.end) {
        lo = Math.min(lo, unitOf(i));
        hi = Math.max(hi, unitOf(i));
      }
    });
    return [lo, hi];
  };
  for (const p of parts) {
    if ('comment' in p) {
      out.push({ comment: p.comment });
      unit = undefined;
      continue;
    }
    const [lo, hi] = runUnits(p.run);
    if (unit && lo <= unitId) {
      unit.unit += ' ' + p.run.text;
    } else {
      unit = { unit: p.run.text };
      out.push(unit);
    }
    unitId = Math.max(unitId, hi);
  }
  return out;
}

const NO_FILE = {} as SourceFile;

function planKeywordLine(line: SyntaxNode, text: string): PlanItem {
  const tokens = line.children as Token[];
  checkContentLine(text, tokens, COLUMN_ONE);
  const { words } = lineWords(tokens);
  checkFused(words, text);
  checkBangWords(words, text);
  // Unit 0 is the channel name; then one unit per keyword with its arguments.
  const unitIndex: number[] = [0];
  parseKeywords(words.slice(1), NO_FILE).forEach((k, i) => {
    for (let n = 0; n <= k.args.length; n++) unitIndex.push(i + 1);
  });
  return { type: 'fill', pieces: pieces(runsOf(tokens), words, (i) => unitIndex[i]) };
}

function planHostLine(line: SyntaxNode, text: string): PlanItem {
  const tokens = line.children as Token[];
  checkContentLine(text, tokens, COLUMN_ONE);
  const { words } = lineWords(tokens);
  checkFused(words, text);
  checkBangWords(words, text);
  return { type: 'fill', pieces: pieces(runsOf(tokens), words, (i) => i) };
}
