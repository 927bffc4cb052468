// The semantic model of one MTA configuration directory. Every element points back to the
// file and the text range it came from, so that rules can report and codemods can edit.
// The model records what the MTA would read; it does not judge (rules/ does).
import type { FileKind, LineIndex, SyntaxNode, SyntaxTree } from '../../grammar/index.js';
import type { KeywordInfo } from './keywords.js';

/** A text range in one source file (offsets into its text, end exclusive). */
export interface Range {
  start: number;
  end: number;
}

export interface SourceFile {
  /** Absolute path on disk, or the name given for text that did not come from disk. */
  path: string;
  /** Path relative to the configuration directory (used in reports and diffs). */
  relPath: string;
  kind: FileKind;
  text: string;
  /** How the bytes were decoded: UTF-8 when valid, otherwise byte for byte (latin1). */
  encoding: 'utf8' | 'latin1';
  tree: SyntaxTree;
  lines: LineIndex;
  /** What was on disk when it was read, to refuse overwriting a file changed since. */
  stat?: { mtimeMs: number; size: number; mode: number };
  /** For imta.cnf text: whether the file was read as rules or channel table first. */
  start?: 'rules' | 'channels';
  /** The include line that pulled this file in (undefined for top-level files). */
  includedFrom?: Include;
}

/** A whitespace-separated word of a logical line. */
export interface Word extends Range {
  /** The word as the MTA reads it (parts joined across a continuation without blanks). */
  text: string;
  /** Written in double quotes (ASCII or typographic). */
  quoted: boolean;
  /** The text without its quotes (equal to `text` when not quoted). */
  value: string;
  /** Uses typographic quotes (“ ” „ ‘ ’) where the MTA expects `"`. */
  curlyQuotes?: boolean;
  /** Quoted but without its closing quote. */
  unterminatedQuote?: boolean;
  /** Glued to the previous word's text across a `\` continuation with no blank on either side. */
  fused?: boolean;
}

export interface KeywordUse {
  /** The keyword as written. */
  word: Word;
  /** Lower-cased, first 32 characters (what the MTA compares). */
  key: string;
  /** Undefined: not a keyword. The MTA takes such a token as a UNIX group id. */
  info?: KeywordInfo;
  args: Word[];
  /** An argument the keyword requires is absent (end of line). */
  missingArgument: boolean;
  /** From `defaults` (not written on the channel itself). */
  fromDefaults?: DefaultsBlock;
  /** Range from the keyword to its last argument. */
  range: Range;
  file: SourceFile;
}

export interface HostName {
  host: Word;
  /** Second word: local host alias on the official host line, proper name on extra host lines. */
  alias?: Word;
  /** Words after the second one: the MTA ignores them; usually a keyword line wrapped without `\`. */
  extra: Word[];
  line: SyntaxNode;
  file: SourceFile;
}

export interface Channel {
  name: string;
  nameWord: Word;
  file: SourceFile;
  block: SyntaxNode;
  range: Range;
  keywordLine: SyntaxNode;
  /** Keywords written on the channel's own line, in order, unknown tokens included. */
  keywords: KeywordUse[];
  /** Keywords in force from preceding `defaults` blocks (before `nodefaults`). */
  defaults: KeywordUse[];
  /** Line 2: undefined when the block has no host line (`no official host name for channel`). */
  officialHost?: HostName;
  extraHosts: HostName[];
  /** Position among real channels (0 = first; must be `l`). */
  index: number;
  /** A `\` followed by blanks at the end of a line of this block: meant as a continuation, but is not one. */
  brokenContinuations: Range[];
}

export interface DefaultsBlock {
  kind: 'defaults' | 'nodefaults';
  file: SourceFile;
  block: SyntaxNode;
  range: Range;
  nameWord: Word;
  keywords: KeywordUse[];
  /** Host lines: not needed, ignored by the MTA (often a keyword line wrapped without `\`). */
  ignoredLines: SyntaxNode[];
  brokenContinuations: Range[];
}

export interface RewriteRule {
  /** The whole pattern as written, including a `tag|` prefix. */
  pattern: Word;
  /** Tag part (`mtcp-force|`) or ''. */
  tag: string;
  /** The pattern without its tag, lower-cased (patterns match case-insensitively). */
  key: string;
  /** The template as the MTA reads it (continuations joined, trailing blanks removed). */
  template: string;
  /** Source range of the template. */
  templateRange: Range;
  /** Maps an offset in `template` to the source offset (differs only across continuations). */
  templateOffset(i: number): number;
  file: SourceFile;
  node: SyntaxNode;
  /** Position among all rules of the configuration, in reading order. */
  index: number;
}

export interface Include {
  /** The path as written after `<`. */
  target: string;
  file: SourceFile;
  node: SyntaxNode;
  range: Range;
  /** 'rules' or 'channels': the section the include line stands in (imta.cnf family). */
  section?: 'rules' | 'channels';
  /** 1 for an include in a top-level file, 2 for one inside an included file ... */
  depth: number;
  status: 'ok' | 'missing' | 'unreadable' | 'cycle' | 'too-deep' | 'unresolved';
  /** The local file the target resolved to. */
  resolved?: string;
  /** The included file, when it was read. */
  included?: SourceFile;
  message?: string;
}

/** One `NAME=value` setting of an option-family file. */
export interface Setting {
  /** Upper-cased name (option names are case-insensitive). */
  key: string;
  nameWord: Word;
  /** The value as the reader sees it (continuations joined, surrounding blanks removed). */
  value: string;
  valueRange: Range;
  node: SyntaxNode;
  file: SourceFile;
  section?: OptionSection;
}

export interface OptionSection {
  /** Upper-cased type: POOL, CHANNEL, SERVICE, QUEUE, PERIODIC_JOB ... */
  type: string;
  /** The value as written (pool / channel / service name). */
  value: string;
  header: SyntaxNode;
  headerRange: Range;
  valueRange: Range;
  /** `]` missing or text after it. */
  malformed?: string;
  settings: Setting[];
  file: SourceFile;
}

export interface OptionFileModel {
  file: SourceFile;
  globals: Setting[];
  sections: OptionSection[];
  /** Every setting in file order. */
  settings: Setting[];
  /** Lines that are neither comment, blank, section nor setting. */
  errorLines: SyntaxNode[];
}

export interface Pool {
  name: string;
  section: OptionSection;
  jobLimit?: Setting;
}

export interface JobControllerModel extends OptionFileModel {
  pools: Pool[];
  /** `[CHANNEL=…]` sections (a trailing `*` matches by prefix). */
  channelSections: OptionSection[];
}

export interface DispatcherService {
  name: string;
  section: OptionSection;
  /** The channel named by `PARAMETER=CHANNEL=x`, if any. */
  channel?: { name: string; setting: Setting };
}

export interface DispatcherModel extends OptionFileModel {
  services: DispatcherService[];
}

export interface MappingTable {
  name: Word;
  entries: { pattern: Word; template: string; node: SyntaxNode }[];
  file: SourceFile;
  node: SyntaxNode;
}

export interface AliasEntry {
  name: Word;
  addresses: Word[];
  node: SyntaxNode;
  file: SourceFile;
}

export interface ModelDiagnostic extends Range {
  file: SourceFile;
  /** Stable code; where a lint rule reports it, the rule's id. */
  code: string;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

export interface ConfigModel {
  /** The configuration directory (absolute), or undefined for a model built from text. */
  dir?: string;
  files: SourceFile[];
  /** The imta.cnf file (top level), if any. */
  imta?: SourceFile;
  rules: RewriteRule[];
  channels: Channel[];
  defaults: DefaultsBlock[];
  includes: Include[];
  /** Whether imta.cnf had a channel table (false for rule-only text). */
  hasChannelTable: boolean;
  jobController?: JobControllerModel;
  dispatcher?: DispatcherModel;
  options?: OptionFileModel;
  mappings: MappingTable[];
  aliases: AliasEntry[];
  /** Problems found while reading (includes, syntax, structure). */
  diagnostics: ModelDiagnostic[];
  /** Channel by name (case-insensitive). */
  channel(name: string): Channel | undefined;
  /** Channel owning a host name (official or extra), case-insensitive. */
  channelForHost(host: string): Channel | undefined;
  /** Pool by name (case-insensitive). */
  pool(name: string): Pool | undefined;
  /** The job controller `[CHANNEL=…]` section that applies to a channel (exact first, then the longest prefix). */
  channelSection(channelName: string): OptionSection | undefined;
  /** Keywords in force on a channel: its own, plus defaults not overridden by one of its own of the same exclusive group. */
  effectiveKeywords(channel: Channel): KeywordUse[];
}
