// Rewrite templates parsed once per model and text, shared by the rules that read them
// (routing hosts and checks, mapping lookups, conditions): a large configuration repeats
// the same template for many rules, and several rules look at each one.
import { parseTemplate, type ParsedTemplate } from '../../grammar/template.js';
import type { ConfigModel } from '../../src/model/types.js';

const cache = new WeakMap<ConfigModel, Map<string, ParsedTemplate>>();

export function parsedTemplate(model: ConfigModel, text: string): ParsedTemplate {
  let byText = cache.get(model);
  if (!byText) cache.set(model, (byText = new Map()));
  let t = byText.get(text);
  if (!t) byText.set(text, (t = parseTemplate(text)));
  return t;
}
