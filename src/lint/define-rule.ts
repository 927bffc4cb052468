// How a rule module declares itself (as typescript-eslint's RuleCreator does): the module
// gives its meta and create function; its documentation link is derived from its id, so a
// rule cannot point at another rule's page.
import { ruleDocPath, ruleDocUrl } from './package-info.js';
import type { Rule, RuleDocs, RuleMeta } from './types.js';

export function defineRule(rule: { meta: Omit<RuleMeta, 'docs'>; create: Rule['create'] }): Rule {
  const meta = rule.meta as RuleMeta;
  // Computed when read (the package's location is looked up once, and not at start-up).
  Object.defineProperty(meta, 'docs', {
    enumerable: true,
    get: (): RuleDocs => ({ url: ruleDocUrl(meta.id), path: ruleDocPath(meta.id) }),
  });
  return rule as Rule;
}

/** The documentation of built-in rules (no module of their own), the same way. */
export function withDocs(meta: Omit<RuleMeta, 'docs'>): RuleMeta {
  return defineRule({ meta, create: () => undefined }).meta;
}
