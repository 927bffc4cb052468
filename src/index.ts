// cnflint's library API. The CLIs (src/cli/) are thin layers over these functions.
export { parse, print, fileKindFromName, FILE_KINDS, LineIndex } from '../grammar/index.js';
export type { FileKind, ParseOptions, ParseResult, SyntaxTree, SyntaxNode, SyntaxElement, Token, SyntaxDiagnostic } from '../grammar/index.js';
export { loadConfig, buildModel, ConfigError, CONFIG_FILES, MAX_INCLUDE_DEPTH, decode, encode } from './model/load.js';
export type { LoadOptions, ModelInput, TopFile } from './model/load.js';
export type * from './model/types.js';
export { KEYWORDS, lookupKeyword, keywordNames } from './model/keywords.js';
export type { KeywordInfo, Arity, ArgKind } from './model/keywords.js';
export * from './lint/index.js';
