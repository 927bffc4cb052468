// cnfmod add-rule PATTERN TEMPLATE: one rewrite rule, routed to a host some channel owns.
// Placement: after the last rule routing to the same channel (rules are grouped by
// destination in stock configurations), else where add-channel puts domain rules
// (domainRuleAnchor); aligned like the rule it follows.
import { parseTemplate } from '../../grammar/template.js';
import type { ConfigModel, RewriteRule } from '../model/types.js';
import { SERVER_STEPS } from './add-channel.js';
import { channelOfRule, domainRuleAnchor, endOfPatternRun, insertRuleLines, insertRuleLinesBefore, isDomainPattern, ruleLine } from './imta-edit.js';
import { where } from './text.js';
import { refuse, type CodemodResult } from './types.js';

export interface AddRuleArgs {
  pattern: string;
  template: string;
  /** Add it even where a rule with the same pattern exists (the new rule goes first and takes precedence). */
  force?: boolean;
}

export function addRule(model: ConfigModel, args: AddRuleArgs): CodemodResult {
  const { pattern, template } = args;
  if (!pattern || /\s/.test(pattern)) return refuse(`pattern '${pattern}' must be one word without blanks`);
  if (/^[!<]/.test(pattern)) return refuse(`pattern '${pattern}' cannot start with '${pattern[0]}' (that makes a comment or include line)`);
  if (!template || /\s/.test(template)) return refuse(`template '${template}' must be one word without blanks`);
  const parsed = parseTemplate(template);
  const err = parsed.diagnostics.find((d) => d.severity !== 'warning');
  if (err) return refuse(`template '${template}': ${err.message} (at character ${err.start + 1})`);
  const messages: string[] = [];
  const h = parsed.routingHost;
  let target;
  if (!h) {
    if (!parsed.pieces.some((p) => p.kind === 'error-text'))
      return refuse(`template '${template}' routes nowhere: write '@host' with the official or additional host name of a channel (e.g. $U%$D@tcp-daemon)`);
  } else if (h.dynamic) {
    messages.push(`warning: routing host '${h.text}' is computed when the rule applies; cannot check that a channel owns it`);
  } else {
    target = model.channelForHost(h.text);
    if (!target)
      return refuse(
        `no channel has '${h.text}' as its official or additional host name, so the rule would route nowhere; add the channel first (cnfmod add-channel) or route to one of: ${model.channels
          .map((c) => c.officialHost?.host.text)
          .filter(Boolean)
          .slice(0, 12)
          .join(', ')}`,
      );
  }
  for (const d of parsed.diagnostics) messages.push(`warning: template '${template}': ${d.message}`);

  const key = pattern.toLowerCase();
  const same = model.rules.filter((r) => r.pattern.text.toLowerCase() === key);
  if (same.some((r) => r.template === template))
    return { edits: [], messages: [`the rule '${pattern} ${template}' already exists; nothing to do`], nextSteps: [], nothingToDo: true };

  const line = (anchor: RewriteRule | undefined) => ruleLine(anchor, pattern, template);
  if (same.length) {
    const first = same[0];
    if (!args.force)
      return refuse(
        `a rule for ${pattern} exists: ${where(first.file, first.pattern.start)} '${first.pattern.text} ${first.template}'; pass --force to add this one before it (it then takes precedence), or change that rule`,
      );
    messages.unshift(`add '${pattern} ${template}' before the rule at ${where(first.file, first.pattern.start)}, which it takes precedence over`);
    return { edits: [insertRuleLinesBefore(first, [line(first)])], messages, nextSteps: SERVER_STEPS };
  }

  // Next to the rules for the same channel (domain rules next to domain rules), never
  // inside a run of rules sharing one pattern.
  const domainLike = isDomainPattern(key);
  let anchor: RewriteRule | undefined;
  if (target) for (const r of model.rules) if (channelOfRule(model, r) === target && !r.tag && isDomainPattern(r.key) === domainLike) anchor = r;
  anchor = endOfPatternRun(model, anchor ?? domainRuleAnchor(model));
  const edit = insertRuleLines(model, anchor, [line(anchor)]);
  if (!edit) return refuse('the configuration has no imta.cnf to add the rule to');
  messages.unshift(
    `add '${pattern} ${template}'${target ? ` (to channel ${target.name})` : ''} ${anchor ? `after ${where(anchor.file, anchor.pattern.start)} (${anchor.pattern.text})` : `to the rule section of ${model.imta?.relPath}`}`,
  );
  return { edits: [edit], messages, nextSteps: SERVER_STEPS };
}
