// Rewrite rules that a stray blank line turned into channel blocks.
//
// The MTA's rule section ends at the first blank line (imta-cnf.md §4); an included rule
// file's lines count as if typed at the include line, so a blank line in it ends the
// rule section too (§5). Every rule after such a blank line is read as channel table:
// the first rule line becomes a "channel" keyword line, the rules below it its host lines.
// The root cause is the blank line (blank-line-in-rewrite-rules reports it); every
// channel-level rule skips the blocks found here, so that one stray blank line is one
// report, not a dozen bogus channel problems.
//
// Computed once per model (WeakMap) in one pass over the channel tables of the files
// that start in the rule section.
import type { SyntaxNode } from '../../grammar/index.js';
import type { Channel, ConfigModel, Include, SourceFile } from '../../src/model/types.js';

export interface RuleSectionBreak {
  /** The file holding the blank line. */
  file: SourceFile;
  /** The BlankLines node (one or more blank or whitespace-only lines). */
  blank: SyntaxNode;
  /** Rewrite rules read as channel blocks after this blank line, in reading order. */
  blocks: Channel[];
  /** Rule and include lines those blocks are made of. */
  lineCount: number;
  /**
   * For a blank line at the end of an included rule file: the include line, in whose file
   * `followingRules` rewrite rules come after it (the MTA reads them as channel table,
   * cnflint's model still reads them as the rules the author meant).
   */
  include?: Include;
  followingRules?: number;
}

export interface SwallowedRules {
  breaks: RuleSectionBreak[];
  blocks: ReadonlySet<Channel>;
  /** BlankLines nodes that are reported as a break (other blank-line rules leave them alone). */
  blanks: ReadonlySet<SyntaxNode>;
}

const cache = new WeakMap<ConfigModel, SwallowedRules>();

/** Characters a rule pattern may hold but a channel name never does. */
const PATTERN_ONLY = /[.[\]*|@%]/;
/** Characters of a template that no keyword contains. */
const TEMPLATE_CHARS = /[$@%]/;

/**
 * Whether a channel block looks like a rewrite rule: `pattern template`, where the
 * template (the "first keyword") is no keyword and holds `$`, `@` or `%`; or a pattern
 * that cannot be a channel name (`.com`, `[]`, `$*`, `tag|host`) with no keyword after it.
 */
export function looksLikeRewriteRule(ch: Channel): boolean {
  const second = ch.keywords[0];
  if (second && !second.info && TEMPLATE_CHARS.test(second.word.text)) return true;
  return PATTERN_ONLY.test(ch.name) && (!second || !second.info);
}

/** The breaks of the rule section and the channel blocks that are really rewrite rules. */
export function swallowedRules(model: ConfigModel): SwallowedRules {
  const hit = cache.get(model);
  if (hit) return hit;

  const channelByBlock = new Map<SyntaxNode, Channel>();
  for (const c of model.channels) channelByBlock.set(c.block, c);
  const includeByNode = new Map<SyntaxNode, Include>();
  for (const inc of model.includes) includeByNode.set(inc.node, inc);

  const breaks: RuleSectionBreak[] = [];
  const blocks = new Set<Channel>();
  const blanks = new Set<SyntaxNode>();

  for (const file of model.files) {
    if (file.kind !== 'imta.cnf' || file.start !== 'rules') continue;
    const table = (file.tree.root.children as SyntaxNode[]).find((n) => n.kind === 'ChannelTable');
    if (!table) continue;
    let pending: { file: SourceFile; blank: SyntaxNode } | undefined;
    let current: RuleSectionBreak | undefined;
    // A channel-section include after the break: its lines are read here too.
    const walkInclude = (line: SyntaxNode, depth: number): boolean => {
      const sub = includeByNode.get(line)?.included;
      if (!sub || depth >= 8) return true;
      const subTable = (sub.tree.root.children as SyntaxNode[]).find((n) => n.kind === 'ChannelTable');
      return !subTable || walk(sub, subTable.children as SyntaxNode[], depth + 1);
    };
    const walk = (f: SourceFile, items: SyntaxNode[], depth: number): boolean => {
      for (const item of items) {
        if (item.kind === 'BlankLines') pending = { file: f, blank: item };
        else if (item.kind === 'CommentLine') continue;
        else if (item.kind === 'IncludeLine') {
          if (!walkInclude(item, depth)) return false;
        } else if (item.kind === 'ChannelBlock') {
          const ch = channelByBlock.get(item);
          if (!ch || !looksLikeRewriteRule(ch)) return false;
          if (pending) {
            current = { file: pending.file, blank: pending.blank, blocks: [], lineCount: 0 };
            breaks.push(current);
            blanks.add(pending.blank);
            pending = undefined;
          }
          if (!current) return false;
          current.blocks.push(ch);
          current.lineCount += ruleLines(item);
          blocks.add(ch);
          // An include line among the swallowed rules (a rules file included from the
          // rule section): its lines are read as channel table too.
          for (const line of item.children as SyntaxNode[]) if (line.kind === 'IncludeLine' && !walkInclude(line, depth)) return false;
        } else return false;
      }
      return true;
    };
    walk(file, table.children as SyntaxNode[], 0);
  }

  // A blank line at the end of an included rule file, followed by more rules in the
  // including file: the MTA reads those rules as channel table.
  for (const inc of model.includes) {
    const sub = inc.included;
    if (inc.section !== 'rules' || !sub || sub.start !== 'rules') continue;
    const parts = sub.tree.root.children as SyntaxNode[];
    const table = parts.find((n) => n.kind === 'ChannelTable');
    if (!table || (table.children as SyntaxNode[]).some((n) => n.kind === 'ChannelBlock')) continue;
    const blank = (table.children as SyntaxNode[]).find((n) => n.kind === 'BlankLines');
    if (!blank || blanks.has(blank)) continue;
    const following = rulesAfter(inc);
    if (!following) continue;
    breaks.push({ file: sub, blank, blocks: [], lineCount: 0, include: inc, followingRules: following });
    blanks.add(blank);
  }

  const result: SwallowedRules = { breaks, blocks, blanks };
  cache.set(model, result);
  return result;
}

/** Channel blocks that are rewrite rules read after a stray blank line (skip them in channel rules). */
export function swallowedRuleBlocks(model: ConfigModel): ReadonlySet<Channel> {
  return swallowedRules(model).blocks;
}

/** Content lines (keyword, host and include lines) of a block. */
function ruleLines(block: SyntaxNode): number {
  let n = 0;
  for (const l of block.children as SyntaxNode[]) if (l.kind !== 'CommentLine') n++;
  return n;
}

/** Rewrite rules that follow an include line in the rule section of its file. */
function rulesAfter(inc: Include): number {
  const section = (inc.file.tree.root.children as SyntaxNode[]).find((n) => n.kind === 'RuleSection');
  if (!section) return 0;
  const lines = section.children as SyntaxNode[];
  const at = lines.indexOf(inc.node);
  if (at < 0) return 0;
  let n = 0;
  for (let i = at + 1; i < lines.length; i++) if (lines[i].kind === 'RewriteRule') n++;
  return n;
}
