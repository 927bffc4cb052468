// dispatcher-unknown-channel: a dispatcher.cnf service whose `PARAMETER=CHANNEL=x` names
// a channel that imta.cnf does not define (other-files.md §2: the channel the service's
// connections belong to; cross-file check, error).
import { defineRule } from '../src/lint/define-rule.js';
import { channelKnown, channelNameList } from './util/channel-names.js';
import { didYouMean, nearest } from './util/did-you-mean.js';
import { hasRealChannels } from './util/bogus-channels.js';

const rule = defineRule({
  meta: {
    id: 'dispatcher-unknown-channel',
    description: 'A dispatcher.cnf service assigns its connections (PARAMETER=CHANNEL=…) to a channel imta.cnf does not define.',
    severity: 'error',
    fixable: false,
    crossFile: true,
  },
  create(context) {
    const { model, scope } = context;
    const d = model.dispatcher;
    if (!d || !scope.complete || !hasRealChannels(model)) return;
    let names: string[] | undefined;
    for (const service of d.services) {
      const ch = service.channel;
      if (!ch || !ch.name || channelKnown(model, ch.name)) continue;
      const { setting } = ch;
      // The name's place in the value `CHANNEL=name`.
      const at = setting.value.lastIndexOf(ch.name);
      const start = setting.valueRange.start + (at >= 0 ? at : 0);
      const end = at >= 0 ? start + ch.name.length : setting.valueRange.end;
      const port = service.section.settings.find((s) => s.key === 'PORT')?.value;
      const dym = didYouMean(
        nearest(ch.name, (names ??= channelNameList(model))),
        'define the channel in imta.cnf or correct the name',
        setting.file,
        start,
        end,
        (n) => `replace '${ch.name}' with '${n}'`,
      );
      context.report({
        file: setting.file,
        start,
        end,
        message: `service [SERVICE=${service.name}]${port ? ` (port ${port})` : ''} assigns its connections to channel '${ch.name}', which imta.cnf does not define: the SMTP server has no such channel to receive the mail as${dym.hint}`,
        suggestions: dym.suggestions,
      });
    }
  },
});

export default rule;
