// Text to tree, for every file kind. `print(parse(text).tree) === text` always.
import { parseImta, type ImtaStart } from './imta.js';
import { parseOptionFile } from './option-file.js';
import { textOf, type FileKind, type SyntaxDiagnostic, type SyntaxTree } from './syntax.js';

export * from './syntax.js';
export type { ImtaStart } from './imta.js';

export interface ParseOptions {
  /**
   * For imta.cnf-family text: where the text starts. 'rules' (default) for imta.cnf and
   * files included from its rule section; 'channels' for files that start in the channel
   * table (included channel files, fragments).
   */
  start?: Exclude<ImtaStart, 'lines'>;
  /**
   * imta.cnf family: every line through the parser, without content runs. Slower, the same
   * tree: the reference the fast path is tested against.
   */
  lineByLine?: boolean;
}

export interface ParseResult {
  tree: SyntaxTree;
  diagnostics: SyntaxDiagnostic[];
}

/** Parses text of the given kind. Never throws on any input. */
export function parse(text: string, kind: FileKind, options: ParseOptions = {}): ParseResult {
  let result;
  switch (kind) {
    case 'imta.cnf':
      result = parseImta(text, options.start ?? 'rules', options);
      break;
    case 'aliases':
    case 'mappings':
      result = parseImta(text, 'lines', options);
      break;
    case 'job_controller.cnf':
    case 'dispatcher.cnf':
    case 'option.dat':
      result = parseOptionFile(text);
      break;
    default:
      throw new TypeError(`unknown file kind '${String(kind)}'`);
  }
  return { tree: { fileKind: kind, root: result.root, text }, diagnostics: result.diagnostics };
}

/** The exact text of a tree: the concatenation of its tokens. */
export function print(tree: SyntaxTree): string {
  return textOf(tree.root);
}

/**
 * The kind of a configuration file from its name, as the MTA's tailor file names them
 * (imta.cnf, job_controller.cnf, dispatcher.cnf, option.dat, aliases, mappings), also
 * when a prefix or suffix is added (`extra-pools.job_controller.cnf`, `mappings.locked`);
 * included rule files (`*.rules`) and any other `*.cnf` are imta.cnf text;
 * `<channel>_option` and `imta_tailor` are option files. Undefined when unknown.
 */
export function fileKindFromName(fileName: string): FileKind | undefined {
  const base = fileName.replace(/^.*[\\/]/, '').toLowerCase();
  if (base.includes('job_controller')) return 'job_controller.cnf';
  if (base.includes('dispatcher')) return 'dispatcher.cnf';
  if (base.includes('option.dat') || base.endsWith('_option') || base === 'imta_tailor') return 'option.dat';
  if (base.includes('mappings')) return 'mappings';
  if (base.includes('aliases')) return 'aliases';
  if (base.endsWith('.cnf') || base.endsWith('.rules') || base.includes('imta.cnf')) return 'imta.cnf';
  return undefined;
}
