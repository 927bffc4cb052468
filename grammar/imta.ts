// imta.cnf (and the files it includes): chevrotain lexer and parser.
//
// The grammar knows layout, not meaning. It recognises physical lines (comment, include,
// blank, content), joins continued lines into logical lines, and groups logical lines
// into the rewrite-rule section and the channel table's blocks, exactly as the MTA's
// reader does (../shared/spec/imta-cnf.md §2–§8). Which token of a channel's first line
// is a keyword and which an argument is decided later, in src/model/, from the keyword
// table: the spec recommends keeping the keyword line a flat token list.
//
// Lazy levels, for speed on files with hundreds of thousands of rules: the chevrotain
// parser sees one ContentRun token per run of plain content lines, and LineBody tokens
// only for lines around a continuation; group nodes (rule section, channel block, line
// file) turn runs into line nodes, and a line node splits its text into Word / Quoted / Ws
// tokens with a second chevrotain lexer, each the first time its `children` are read.
// Either way every character is in exactly one token of the tree.
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { contentRunPattern, LEXER_CONFIG, lineBodyPattern, makeToken, quotedPattern, tokenizeAll, wordPattern, WORD_START_HINT } from './lexing.js';
import { LineParser, node, parseTokens } from './line-parser.js';
import { lineLayerTokens } from './line-tokens.js';
import { IMTA_COMMENT_CHARS, type SyntaxDiagnostic, type SyntaxElement, type SyntaxNode, type Token } from './syntax.js';

/** Any token that can be part of a logical content line. */
export const LinePart = createToken({ name: 'LinePart', pattern: Lexer.NA });

const layer = lineLayerTokens(IMTA_COMMENT_CHARS, LinePart);
export const { BlankLine, ContinuedComment, Comment, Include, Continuation, Newline } = layer;
const isContinued = layer.isContinued;

/** Consecutive plain content lines with their line breaks (see contentRunPattern). */
export const ContentRun = createToken({
  name: 'ContentRun',
  pattern: contentRunPattern(isContinued),
  start_chars_hint: [...WORD_START_HINT, 32, 9],
  line_breaks: true,
});

/** The content of one physical line (up to its line break or continuation backslash). */
export const LineBody = createToken({
  name: 'LineBody',
  pattern: lineBodyPattern(),
  start_chars_hint: [...WORD_START_HINT, 32, 9],
  line_breaks: false,
  categories: [LinePart],
});

const allTokens: TokenType[] = [BlankLine, ContinuedComment, Comment, Include, ContentRun, Continuation, Newline, LineBody, LinePart];

export const imtaLexer = new Lexer(allTokens, LEXER_CONFIG);

// The word level: what a line body is made of.
export const Ws = createToken({ name: 'Ws', pattern: /[ \t]+/, start_chars_hint: [' ', '\t'], line_breaks: false });
export const Quoted = createToken({
  name: 'Quoted',
  pattern: quotedPattern(),
  start_chars_hint: ['"'],
  line_breaks: false,
});
export const Word = createToken({
  name: 'Word',
  pattern: wordPattern(),
  start_chars_hint: WORD_START_HINT,
  line_breaks: false,
});

export const wordLexer = new Lexer([Ws, Quoted, Word], LEXER_CONFIG);

/**
 * Goes through a line's raw tokens with its line bodies split into words: every token
 * other than a body, and the word lexer's tokens of a body with a double quote, go to
 * `token`; a body without one goes to `plainBody`, which splits it (see splitPlainWords).
 */
function splitBodies(raw: readonly Token[], token: (t: Token) => void, plainBody: (image: string, base: number) => void): void {
  for (const t of raw) {
    if (t.tokenType !== LineBody) token(t);
    else splitBody(t.image, t.startOffset, token, plainBody);
  }
}

/** One line body: to `plainBody` whole when it has no double quote, else as the word lexer's tokens. */
function splitBody(image: string, start: number, token: (t: Token) => void, plainBody: (image: string, base: number) => void): void {
  if (!image.includes('"')) plainBody(image, start);
  else {
    const words: Token[] = [];
    lexWords(image, start, words);
    for (const w of words) token(w);
  }
}

/** Splits the LineBody tokens of a line into words and blanks (offsets into the whole text). */
function expandLine(raw: readonly Token[]): Token[] {
  const out: Token[] = [];
  splitBodies(
    raw,
    (t) => out.push(t),
    (image, base) => splitPlainWords(image, base, out),
  );
  return out;
}

/** Lexes a line body with the word lexer, appending its tokens (moved to `base`) to `out`. */
export function lexWords(image: string, base: number, out: Token[]): void {
  const words = tokenizeAll(wordLexer, image, Word);
  // Only startOffset moves: adding endOffset (which nothing reads) to every word token
  // would give it a second shape and an out-of-object property store.
  for (const w of words) {
    w.startOffset += base;
    out.push(w);
  }
}

/**
 * The word lexer's result for a line body without a double quote, made directly: inside a
 * line body (no line break, no continuation backslash) such a text is only Ws and Word
 * tokens, maximal runs of blanks and of everything else. Same tokens, same shape as the
 * lexer's (test/grammar/words.property.test.ts checks both agree); channel blocks are
 * split word by word this way several times faster from a cold start, where chevrotain's
 * general tokenizer has not been optimised yet.
 */
export function splitPlainWords(image: string, base: number, out: Token[]): void {
  eachPlainWord(image, base, (type, text, start) => {
    out.push(makeToken(type, text, start));
  });
}

/** What splitPlainWords makes, as calls instead of token objects. */
function eachPlainWord(image: string, base: number, each: WordTokenVisitor): void {
  scanPlainBody(
    image,
    base,
    (text, start) => each(Word, text, start),
    (start, end) => each(Ws, image.slice(start - base, end - base), start),
  );
}

/**
 * The split of a line body without a double quote: maximal runs of blanks (Ws) and of
 * everything else (Word), in order. Words come with their text; blanks only with where
 * they are (a caller that needs their text cuts it).
 */
export function scanPlainBody(image: string, base: number, word: (text: string, start: number) => void, blank: (start: number, end: number) => void): void {
  const n = image.length;
  let i = 0;
  while (i < n) {
    const start = i;
    const isBlankRun = isBlank(image.charCodeAt(i));
    i++;
    while (i < n && isBlank(image.charCodeAt(i)) === isBlankRun) i++;
    if (isBlankRun) blank(base + start, base + i);
    else word(image.slice(start, i), base + start);
  }
}

/** Receives a line's word-level tokens one by one: type, text and offset. */
export type WordTokenVisitor = (type: TokenType, image: string, start: number) => void;

/**
 * The tokens `line.children` gives, in order, as calls. A content line that was not split
 * yet is read from its line bodies without making token objects (nor keeping any): the
 * model reads every channel block's words this way, and the lint rules rarely need the
 * tokens of those lines afterwards. With `plainBody`, a line body without a double quote
 * is handed over whole instead (it splits into maximal runs of blanks, Ws, and of
 * everything else, Word): the caller splits it without a call per token.
 */
export function forEachWordToken(line: SyntaxNode, each: WordTokenVisitor, plainBody?: (image: string, base: number) => void): void {
  if (!(line instanceof ContentLine) || line.isSplit) {
    for (const t of line.children as Token[]) each(t.tokenType, t.image, t.startOffset);
    return;
  }
  splitBodies(
    line.rawTokens,
    (t) => each(t.tokenType, t.image, t.startOffset),
    plainBody ?? ((image, base) => eachPlainWord(image, base, each)),
  );
}

const isBlank = (c: number) => c === 32 || c === 9;

/** A content line (rule, keyword, host or entry line) whose words are split on first use. */
class ContentLine implements SyntaxNode {
  private split: Token[] | undefined;
  constructor(
    public readonly kind: SyntaxNode['kind'],
    /** The tokens as the parser saw them: LineBody, Continuation, ContinuedComment, Newline. */
    public readonly rawTokens: Token[],
  ) {}

  get children(): SyntaxElement[] {
    return (this.split ??= expandLine(this.rawTokens));
  }

  /** Whether `children` was read (its word tokens exist). */
  get isSplit(): boolean {
    return this.split !== undefined;
  }
}

/**
 * The tokens of a line before its bodies are split into words (a node's children for
 * other nodes). For fast paths that only need the text of each physical line.
 */
export function rawTokensOf(n: SyntaxNode): readonly Token[] {
  return n instanceof ContentLine ? n.rawTokens : (n.children as Token[]);
}

/** A ContentRun token standing in a group for the content lines it holds. */
export interface RunItem {
  run: Token;
  /** Kind of the run's lines ('KeywordLine': the first line is a block's keyword line, the rest host lines). */
  kind: SyntaxNode['kind'];
  /** The line nodes, once the group was expanded. */
  lines?: SyntaxNode[];
}

export type GroupItem = SyntaxNode | RunItem;

export function isRunItem(item: GroupItem): item is RunItem {
  return (item as RunItem).run !== undefined;
}


/**
 * Calls `each(bodyStart, bodyEnd, lineEnd, index, continued)` for every logical line of a
 * run: from the start of its first physical line to the end of its last one's content
 * (bodyEnd), and to the end of that line with its line break (lineEnd). Offsets into the
 * text. `continued`: the line spans several physical lines (continuation backslashes).
 */
export function forEachRunLine(
  run: Token,
  each: (bodyStart: number, bodyEnd: number, lineEnd: number, index: number, continued: boolean) => void,
): void {
  const img = run.image;
  const base = run.startOffset;
  const n = img.length;
  let pos = 0;
  let index = 0;
  while (pos < n) {
    const start = pos;
    let continued = false;
    let nl: number;
    let bodyEnd: number;
    for (;;) {
      nl = img.indexOf('\n', pos);
      bodyEnd = nl === -1 ? n : nl;
      if (nl !== -1 && bodyEnd > pos && img.charCodeAt(bodyEnd - 1) === 13) bodyEnd--;
      // (the run's pattern took a line ending with `\` only with the line it continues)
      if (nl === -1 || img.charCodeAt(bodyEnd - 1) !== 92 /* \ */) break;
      continued = true;
      pos = nl + 1;
    }
    const lineEnd = nl === -1 ? n : nl + 1;
    each(base + start, base + bodyEnd, base + lineEnd, index++, continued);
    pos = lineEnd;
  }
}

/**
 * The raw tokens of one logical line of a run ([bodyStart, bodyEnd) and its line break up
 * to lineEnd, as forEachRunLine gives them), as calls: the tokens the line-by-line lexer
 * makes. A LineBody per physical line (none for a line that is only a continuation), a
 * Continuation (`\` with its line break) ending each continued one, a Newline at the end.
 */
function eachRunLineToken(
  item: RunItem,
  bodyStart: number,
  bodyEnd: number,
  lineEnd: number,
  continued: boolean,
  emit: (type: TokenType, image: string, start: number) => void,
): void {
  const img = item.run.image;
  const base = item.run.startOffset;
  const e = bodyEnd - base;
  let p = bodyStart - base;
  if (continued) {
    for (;;) {
      const nl = img.indexOf('\n', p);
      if (nl === -1 || nl >= e) break; // the last physical line
      const slash = img.charCodeAt(nl - 1) === 13 ? nl - 2 : nl - 1;
      if (slash > p) emit(LineBody, img.slice(p, slash), base + p);
      emit(Continuation, img.slice(slash, nl + 1), base + slash);
      p = nl + 1;
    }
  }
  emit(LineBody, img.slice(p, e), base + p);
  if (lineEnd > bodyEnd) emit(Newline, img.slice(e, lineEnd - base), bodyEnd);
}

/** The kind of a run's `index`-th logical line. */
const runLineKind = (item: RunItem, index: number): SyntaxNode['kind'] => (item.kind === 'KeywordLine' && index > 0 ? 'HostLine' : item.kind);

/** The content line nodes of a run (words split on demand). */
function runLines(item: RunItem): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  forEachRunLine(item.run, (bodyStart, bodyEnd, lineEnd, index, continued) => {
    const raw: Token[] = [];
    eachRunLineToken(item, bodyStart, bodyEnd, lineEnd, continued, (type, image, start) => raw.push(makeToken(type, image, start)));
    // (an exact-size copy: the pushed array reserves 16 slots for a line's one or two tokens)
    out.push(new ContentLine(runLineKind(item, index), raw.slice()));
  });
  return out;
}

/**
 * What forEachWordToken gives for a run's logical line, read from the run's text: the
 * model reads a channel block's words this way without making its line nodes.
 */
export function forEachRunLineWordToken(
  item: RunItem,
  bodyStart: number,
  bodyEnd: number,
  lineEnd: number,
  continued: boolean,
  each: WordTokenVisitor,
  plainBody: (image: string, base: number) => void,
): void {
  const token = (t: Token) => each(t.tokenType, t.image, t.startOffset);
  eachRunLineToken(item, bodyStart, bodyEnd, lineEnd, continued, (type, image, start) => {
    if (type === LineBody) splitBody(image, start, token, plainBody);
    else each(type, image, start);
  });
}

/** A node whose content runs are turned into line nodes the first time its children are read. */
class LineGroup implements SyntaxNode {
  private expanded: SyntaxNode[] | undefined;
  constructor(
    public readonly kind: SyntaxNode['kind'],
    /** Line nodes and content runs, in source order, as the parser grouped them. */
    public readonly items: GroupItem[],
  ) {}

  get children(): SyntaxElement[] {
    if (!this.expanded) {
      // A group that is one content run (a channel block without continued lines): its lines.
      const only = this.items.length === 1 ? this.items[0] : undefined;
      if (only && isRunItem(only)) return (this.expanded = only.lines ??= runLines(only));
      const out: SyntaxNode[] = [];
      for (const item of this.items) {
        if (isRunItem(item)) {
          item.lines ??= runLines(item);
          for (const l of item.lines) out.push(l);
        } else out.push(item);
      }
      this.expanded = out;
    }
    return this.expanded;
  }
}

/** The items of a group node (line nodes and unexpanded content runs); a node's children otherwise. */
export function rawItemsOf(n: SyntaxNode): readonly GroupItem[] {
  return n instanceof LineGroup ? n.items : (n.children as SyntaxNode[]);
}

/**
 * The line node of a run's `index`-th line. Only this run is turned into line nodes (the
 * same ones its group's `children` gives); the other runs of a long rule section stay as
 * they are.
 */
export function runLine(item: RunItem, index: number): SyntaxNode {
  return (item.lines ??= runLines(item))[index];
}


/**
 * Grouping of physical and logical lines. Every token sequence the lexer can produce is
 * accepted, so the parser never fails on real input; meaning-level problems (a block
 * without an official host line, a rule without a template) are found by the model.
 */
class ImtaParser extends LineParser {
  constructor() {
    super(allTokens, { BlankLine: BlankLine, Comment: Comment, Include: Include, Newline: Newline });
    this.performSelfAnalysis();
  }

  /** A whole imta.cnf: the rule section, then (after the first blank line) the channel table. */
  public file = this.RULE('file', (): SyntaxNode => {
    const children: SyntaxNode[] = [];
    const rules = this.SUBRULE(this.ruleSection);
    this.ACTION(() => {
      // (items, not children: reading children would split every run into lines now)
      if (rawItemsOf(rules).length) children.push(rules);
    });
    const table = this.SUBRULE(this.channelTable);
    this.ACTION(() => {
      if (table.children.length) children.push(table);
    });
    return node('ImtaFile', children);
  });

  /** A file whose text starts in the channel table (an included channel file, a fragment). */
  public channelsFile = this.RULE('channelsFile', (): SyntaxNode => {
    const table = this.SUBRULE(this.channelTable);
    return this.ACTION(() => node('ImtaFile', table.children.length ? [table] : []));
  });

  /**
   * aliases and mappings files: the same physical layer (column-1 comments and includes,
   * continuation, blank lines), with one entry per logical line. Their blank lines are
   * structural too (a mappings table ends at one), which the model reads from BlankLines.
   */
  public linesFile = this.RULE('linesFile', (): SyntaxNode => {
    const items: GroupItem[] = [];
    this.MANY(() => {
      const item = this.OR([
        { ALT: () => this.SUBRULE3(this.blankLines) },
        { ALT: () => this.SUBRULE3(this.commentLine) },
        { ALT: () => this.SUBRULE3(this.includeLine) },
        { ALT: () => this.SUBRULE3(this.contentLine, { ARGS: ['Entry'] }) },
        { ALT: () => this.SUBRULE3(this.contentRun, { ARGS: ['Entry'] }) },
      ]);
      items.push(item);
    });
    return this.ACTION(() => new LineGroup('LineFile', items));
  });

  private ruleSection = this.RULE('ruleSection', (): SyntaxNode => {
    const items: GroupItem[] = [];
    this.MANY(() => {
      const line = this.OR([
        { ALT: () => this.SUBRULE(this.commentLine) },
        { ALT: () => this.SUBRULE(this.includeLine) },
        { ALT: () => this.SUBRULE(this.contentLine, { ARGS: ['RewriteRule'] }) },
        { ALT: () => this.SUBRULE(this.contentRun, { ARGS: ['RewriteRule'] }) },
      ]);
      items.push(line);
    });
    return this.ACTION(() => new LineGroup('RuleSection', items));
  });

  private channelTable = this.RULE('channelTable', (): SyntaxNode => {
    const items: SyntaxNode[] = [];
    this.MANY(() => {
      const item = this.OR([
        { ALT: () => this.SUBRULE(this.blankLines) },
        { ALT: () => this.SUBRULE2(this.commentLine) },
        { ALT: () => this.SUBRULE2(this.includeLine) },
        { ALT: () => this.SUBRULE(this.channelBlock) },
      ]);
      items.push(item);
    });
    return node('ChannelTable', items);
  });

  /** Keyword line, then host lines (comments and includes may stand between them). */
  private channelBlock = this.RULE('channelBlock', (): SyntaxNode => {
    const items: GroupItem[] = [
      this.OR1([
        { ALT: () => this.SUBRULE(this.contentLine, { ARGS: ['KeywordLine'] }) },
        { ALT: () => this.SUBRULE(this.contentRun, { ARGS: ['KeywordLine'] }) },
      ]),
    ];
    this.MANY(() => {
      const line = this.OR2([
        { ALT: () => this.SUBRULE(this.commentLine) },
        { ALT: () => this.SUBRULE(this.includeLine) },
        { ALT: () => this.SUBRULE2(this.contentLine, { ARGS: ['HostLine'] }) },
        { ALT: () => this.SUBRULE2(this.contentRun, { ARGS: ['HostLine'] }) },
      ]);
      items.push(line);
    });
    return this.ACTION(() => new LineGroup('ChannelBlock', items));
  });

  /** Plain content lines, one token (expanded into line nodes on demand, see LineGroup). */
  private contentRun = this.RULE('contentRun', (kind: SyntaxNode['kind']): RunItem => {
    const run = this.CONSUME(ContentRun);
    return { run, kind };
  });

  /** One logical line: physical lines joined by continuation backslashes. */
  private contentLine = this.RULE('contentLine', (kind: SyntaxNode['kind']): SyntaxNode => {
    const toks: Token[] = [];
    this.AT_LEAST_ONE(() => {
      toks.push(this.CONSUME(LinePart));
    });
    this.OPTION(() => {
      toks.push(this.CONSUME(Newline));
    });
    return this.ACTION(() => new ContentLine(kind, toks));
  });
}

let parser: ImtaParser | undefined;

/** The parser is built once per process (chevrotain's self-analysis is the costly part). */
function imtaParser(): ImtaParser {
  return (parser ??= new ImtaParser());
}

export type ImtaStart = 'rules' | 'channels' | 'lines';

export interface ImtaParseResult {
  root: SyntaxNode;
  diagnostics: SyntaxDiagnostic[];
}

/**
 * Parses imta.cnf text. `start` is where the text begins: 'rules' for imta.cnf itself
 * and files included from its rule section, 'channels' for files whose text starts in
 * the channel table (included channel files, fragments); 'lines' reads an aliases or
 * mappings file, which share imta.cnf's physical layer. `lineByLine` turns content runs
 * off (slower; the same tree).
 */
export function parseImta(text: string, start: ImtaStart = 'rules', options: { lineByLine?: boolean } = {}): ImtaParseResult {
  const p = imtaParser();
  const entry = start === 'rules' ? () => p.file() : start === 'channels' ? () => p.channelsFile() : () => p.linesFile();
  const lexer = options.lineByLine ? (lineByLineLexer ??= new Lexer(allTokens.filter((t) => t !== ContentRun), LEXER_CONFIG)) : imtaLexer;
  return parseTokens(p, tokenizeAll(lexer, text, LineBody), text, entry, start === 'lines' ? 'LineFile' : 'ImtaFile');
}

/**
 * The same lexer without content runs: every line goes through the parser. The reference
 * the runs are tested against (test/grammar/runs.property.test.ts); never used otherwise.
 */
let lineByLineLexer: Lexer | undefined;

