// dispatcher-procs: a dispatcher.cnf service whose MIN_PROCS is above its MAX_PROCS.
// Settings before the first [SERVICE=…] are defaults for every service; a service's own
// setting overrides the default (other-files.md §0, §2).
import type { Setting } from '../src/model/types.js';
import { defineRule } from '../src/lint/define-rule.js';
import { parseMtaInteger } from './util/mta-integer.js';

const last = (settings: readonly Setting[], key: string) => {
  for (let i = settings.length - 1; i >= 0; i--) if (settings[i].key === key) return settings[i];
  return undefined;
};

const rule = defineRule({
  meta: {
    id: 'dispatcher-procs',
    description: 'A dispatcher.cnf service (or the global defaults) with MIN_PROCS above MAX_PROCS.',
    severity: 'error',
    fixable: false,
  },
  create(context) {
    const d = context.model.dispatcher;
    if (!d) return;
    const gMin = last(d.globals, 'MIN_PROCS');
    const gMax = last(d.globals, 'MAX_PROCS');
    const check = (min: Setting | undefined, max: Setting | undefined, service: string | undefined) => {
      const lo = min && parseMtaInteger(min.value);
      const hi = max && parseMtaInteger(max.value);
      if (!min || !max || !lo || !hi || lo.value <= hi.value) return;
      // Report where the service sets it (its own MIN_PROCS, else its own MAX_PROCS).
      const at = service ? (min.section ? min : max) : min;
      const tag = (s: Setting) => (service && !s.section ? ' (global default)' : '');
      context.report({
        file: at.file,
        start: at.nameWord.start,
        end: at.valueRange.end,
        message: `MIN_PROCS=${min.value}${tag(min)} is above MAX_PROCS=${max.value}${tag(max)} ${
          service ? `for [SERVICE=${service}]` : 'in the global defaults'
        }: the Dispatcher is told to keep more worker processes running than it may start; make MIN_PROCS at most MAX_PROCS`,
      });
    };
    check(gMin, gMax, undefined);
    for (const s of d.sections) {
      if (s.type !== 'SERVICE') continue;
      const sMin = last(s.settings, 'MIN_PROCS');
      const sMax = last(s.settings, 'MAX_PROCS');
      // Both from the global defaults: reported there once.
      if (!sMin && !sMax) continue;
      check(sMin ?? gMin, sMax ?? gMax, s.value);
    }
  },
});

export default rule;
