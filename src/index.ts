// cnflint's library API. The CLIs (src/cli/) are thin layers over these functions.
export { parse, print, fileKindFromName, FILE_KINDS, LineIndex } from '../grammar/index.js';
export type { FileKind, ParseOptions, ParseResult, SyntaxTree, SyntaxNode, SyntaxElement, Token, SyntaxDiagnostic } from '../grammar/index.js';
export { loadConfig, buildModel, ConfigError, CONFIG_FILES, MAX_INCLUDE_DEPTH, decode, encode } from './model/load.js';
export type { LoadOptions, ModelInput, TopFile } from './model/load.js';
export type * from './model/types.js';
export { KEYWORDS, lookupKeyword, keywordNames } from './model/keywords.js';
export type { KeywordInfo, Arity, ArgKind } from './model/keywords.js';
export * from './lint/index.js';
export * from './codemod/index.js';
export * from './rewrite/index.js';
export { rewriteInputFromModel } from './rewrite/from-model.js';
export { applyEdits, editsByFile, lineBreakOf } from './edit/edits.js';
export type { TextEdit, Fix } from './edit/edits.js';
export { writeFilesAtomically, WriteError } from './edit/write.js';
export type { FileWrite, WriteOptions } from './edit/write.js';
export { parseTemplate, explainPiece } from '../grammar/template.js';
