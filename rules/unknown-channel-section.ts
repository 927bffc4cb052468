// unknown-channel-section: a job_controller.cnf `[CHANNEL=x]` section (not a `prefix*`
// one) for a channel that imta.cnf does not define. The Job Controller never uses it;
// harmless in itself, but usually a misspelling that leaves the real channel on the
// global defaults (other-files.md §1.3).
import { defineRule } from '../src/lint/define-rule.js';
import { channelKnown, channelNameList } from './util/channel-names.js';
import { didYouMean, nearest } from './util/did-you-mean.js';
import { hasRealChannels } from './util/bogus-channels.js';

const rule = defineRule({
  meta: {
    id: 'unknown-channel-section',
    description: 'A job_controller.cnf [CHANNEL=…] section for a channel imta.cnf does not define.',
    severity: 'warning',
    fixable: false,
    crossFile: true,
  },
  create(context) {
    const { model, scope } = context;
    const jc = model.jobController;
    if (!jc || !scope.complete || !hasRealChannels(model)) return;
    let names: string[] | undefined;
    for (const s of jc.channelSections) {
      const name = s.value;
      if (!name || name.endsWith('*') || s.malformed || channelKnown(model, name)) continue;
      const dym = didYouMean(
        nearest(name, (names ??= channelNameList(model))),
        'remove the section or correct the channel name',
        s.file,
        s.valueRange.start,
        s.valueRange.end,
        (n) => `replace '${name}' with '${n}'`,
      );
      context.report({
        file: s.file,
        start: s.valueRange.start,
        end: s.valueRange.end,
        message: `[CHANNEL=${name}] names no channel of imta.cnf: the Job Controller never uses these settings${dym.hint}`,
        suggestions: dym.suggestions,
      });
    }
  },
});

export default rule;
