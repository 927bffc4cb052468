// How a rule module declares itself (as typescript-eslint's RuleCreator does): the module
// gives its meta and create function; its documentation link is derived from its id, so a
// rule cannot point at another rule's page.
import { ruleDocPath, ruleDocUrl } from './package-info.js';
import type { Rule, RuleDocs, RuleMeta } from './types.js';

export function defineRule(rule: { meta: Omit<RuleMeta, 'docs'>; create: Rule['create'] }): Rule {
  return { meta: withDocs(rule.meta), create: rule.create };
}

/** A rule's meta with `docs` derived from its id (also for the engine's built-in ids, which have no module). */
export function withDocs(meta: Omit<RuleMeta, 'docs'>): RuleMeta {
  // Computed when read: the package's location is looked up on first use, not at start-up.
  return Object.defineProperty(meta as RuleMeta, 'docs', {
    enumerable: true,
    get: (): RuleDocs => ({ url: ruleDocUrl(meta.id), path: ruleDocPath(meta.id) }),
  });
}
