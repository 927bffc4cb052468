export * from './types.js';
export { compileRewriteConfig, rewriteAddress, formatTrace, ASSUME_FAIL, ILLEGAL_HOST, MAX_REWRITE_PASSES, RANDOM_PLACEHOLDER, type RewriteTable } from './engine.js';
export { parseAddress, extractHost, formatAddress, hasHostSpec, MAX_ADDRESS_LENGTH, type Address, type HostSource, type Extraction, type RouteMode } from './address.js';
export {
  parseRoutes,
  runRoutes,
  formatRoutesReport,
  type RouteCase,
  type RouteExpectation,
  type RouteProblem,
  type ParsedRoutes,
  type RouteCaseResult,
  type RoutesRunResult,
  type RunRoutesOptions,
} from './routes.js';
