// Prettier 3 plugin for MTA configuration files: `plugins: ["cnflint/prettier-plugin"]`.
//
// Parsers:
//   imta-cnf       imta.cnf and files included from its rule section (*.rules)
//   imta-channels  files included from the channel table (the text starts with channel blocks)
//   mta-options    job_controller.cnf, dispatcher.cnf, option.dat, imta_tailor, <channel>_option
//
// The parser does all the checking (a file that cannot be formatted safely is a parse
// error with a line and column); the printer renders the layout with the options. Only
// types are imported from prettier: the plugin object is plain data and functions.
import type { AstPath, Parser, ParserOptions, Printer, SupportLanguage, SupportOptions } from 'prettier';
import type { FileKind } from '../../grammar/index.js';
import { DEFAULT_LAYOUT, planText, renderLines, verifyMeaning, type LayoutOptions, type Plan } from './core.js';

/**
 * The tree handed from parser to printer: the checked plan of the whole file, and its
 * meaning key (what `prettier --debug-check` compares between input and output).
 */
export interface CnfAst {
  type: 'cnf-file';
  kind: FileKind;
  section?: 'rules' | 'channels';
  plan: Plan;
  meaning: string[];
  start: number;
  end: number;
}

export const AST_FORMAT = 'cnflint-cnf';

export const languages: SupportLanguage[] = [
  {
    name: 'imta.cnf',
    parsers: ['imta-cnf'],
    filenames: ['imta.cnf'],
    extensions: ['.rules'],
  },
  {
    // Files included from the channel table; no name pattern is theirs, so they are
    // chosen with `overrides` (listing the language makes the parser known to --help).
    name: 'imta.cnf channels',
    parsers: ['imta-channels'],
  },
  {
    name: 'job_controller.cnf',
    parsers: ['mta-options'],
    filenames: ['job_controller.cnf'],
  },
  {
    name: 'dispatcher.cnf',
    parsers: ['mta-options'],
    filenames: ['dispatcher.cnf'],
  },
  {
    name: 'option.dat',
    parsers: ['mta-options'],
    filenames: ['option.dat', 'imta_tailor'],
    // Prettier matches extensions with endsWith on the file name: tcp_local_option.
    extensions: ['_option'],
  },
];

function parser(kind: FileKind, start?: 'rules' | 'channels'): Parser<CnfAst> {
  return {
    astFormat: AST_FORMAT,
    parse: (text: string) => {
      const plan = planText(text, kind, { start });
      return { type: 'cnf-file', kind, section: start, plan, meaning: plan.meaning, start: 0, end: text.length };
    },
    locStart: (node) => node.start,
    locEnd: (node) => node.end,
  };
}

export const parsers: Record<string, Parser<CnfAst>> = {
  'imta-cnf': parser('imta.cnf', 'rules'),
  'imta-channels': parser('imta.cnf', 'channels'),
  'mta-options': parser('option.dat'),
};

type CnfOptions = ParserOptions<CnfAst> & LayoutOptions;

export const printers: Record<string, Printer<CnfAst>> = {
  [AST_FORMAT]: {
    print(path: AstPath<CnfAst>, options: ParserOptions<CnfAst>) {
      const o = options as CnfOptions;
      const lines = renderLines(path.node.plan, {
        printWidth: o.printWidth,
        cnfIndent: o.cnfIndent,
        cnfAlignTemplates: o.cnfAlignTemplates,
        cnfAlignCap: o.cnfAlignCap,
      });
      // A plain string: Prettier converts its "\n" to the endOfLine option and, unlike
      // hardline, does not trim blanks before it (kept after a `\` in comments).
      const out = lines.length ? lines.join('\n') + '\n' : '';
      const ast = path.node;
      verifyMeaning(ast.meaning, out, ast.kind, ast.section);
      return out;
    },
    getVisitorKeys: () => [],
    massageAstNode: Object.assign(() => undefined, { ignoredProperties: new Set(['plan', 'start', 'end']) }),
  },
};

export const options: SupportOptions = {
  cnfAlignTemplates: {
    category: 'cnflint',
    type: 'boolean',
    default: DEFAULT_LAYOUT.cnfAlignTemplates,
    description: 'Align rewrite-rule templates to one column in each run of rules between comments.',
    oppositeDescription: 'Put one blank between a rewrite rule pattern and its template.',
  },
  cnfIndent: {
    category: 'cnflint',
    type: 'int',
    default: DEFAULT_LAYOUT.cnfIndent,
    description: 'Blanks before each continuation line of a wrapped channel keyword line.',
    range: { start: 0, end: 16, step: 1 },
  },
  cnfAlignCap: {
    category: 'cnflint',
    type: 'int',
    default: DEFAULT_LAYOUT.cnfAlignCap,
    description: 'Rewrite-rule patterns longer than this are not aligned (one blank before the template).',
    range: { start: 1, end: Number.POSITIVE_INFINITY, step: 1 },
  },
};

export default { languages, parsers, printers, options };
