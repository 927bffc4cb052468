// Adapter from the configuration model (src/model) to the rewrite engine's input. The
// engine does not know the parser; this is the one place where the two meet.
import type { Channel, ConfigModel, RewriteRule } from '../model/types.js';
import type { ChannelInput, RewriteConfigInput, RewriteRuleInput } from './types.js';

/** One rule: the pattern as written (tag included), the template as the MTA reads it, where it stands. */
export function ruleInput(rule: RewriteRule): RewriteRuleInput {
  return {
    pattern: rule.pattern.text,
    template: rule.template,
    file: rule.file.relPath,
    line: rule.file.lines.position(rule.pattern.start).line,
  };
}

/**
 * One channel: official host (line 2 of its block; '' when the block has none, so that no
 * host routes to it), local host alias (second word of line 2), extra host lines with their
 * proper names, and the keywords in force (its own plus `defaults`), lower-cased.
 */
export function channelInput(model: Pick<ConfigModel, 'effectiveKeywords'>, channel: Channel): ChannelInput {
  const c: ChannelInput = {
    name: channel.name,
    officialHost: channel.officialHost?.host.text ?? '',
    hosts: channel.extraHosts.map((h) => (h.alias ? { name: h.host.text, properName: h.alias.text } : { name: h.host.text })),
    keywords: model.effectiveKeywords(channel).map((k) => k.key.toLowerCase()),
  };
  const alias = channel.officialHost?.alias?.text;
  if (alias) c.localAlias = alias;
  return c;
}

/** The whole rewrite configuration of a model: rules in reading order, channels in table order. */
export function rewriteInputFromModel(model: ConfigModel): RewriteConfigInput {
  const rules: RewriteRuleInput[] = new Array(model.rules.length);
  for (let i = 0; i < model.rules.length; i++) rules[i] = ruleInput(model.rules[i]!);
  const channels = model.channels.map((c) => channelInput(model, c));
  const input: RewriteConfigInput = { rules, channels };
  const localHost = model.channel('l')?.officialHost?.host.text;
  if (localHost) input.localHost = localHost;
  return input;
}
