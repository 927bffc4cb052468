// commented-section-header: an option-file comment line that is a section header
// (`![SERVICE=LMTPSS]`) followed by settings before the next real header. The settings
// then belong to the section above (or to the global defaults) and override its values
// (other-files.md §2; printed that way in the 2005Q4 LMTP back-end guide).
import { tokenKind, type SyntaxNode, type Token } from '../grammar/index.js';
import { edit } from '../src/edit/edits.js';
import type { OptionFileModel, Setting } from '../src/model/types.js';
import { optionItems } from './util/option-items.js';
import { defineRule } from '../src/lint/define-rule.js';

/** A comment whose text, after the comment characters and blanks, is `[TYPE=value]`. */
const HEADER_IN_COMMENT = /^([!#;]+[ \t]*)(\[[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*=[^\]\r\n]*\])[ \t]*$/;

const SCOPE_OF_GLOBALS: Record<string, string> = {
  'dispatcher.cnf': 'every service',
  'job_controller.cnf': 'every pool and channel',
};

const rule = defineRule({
  meta: {
    id: 'commented-section-header',
    description: 'A commented-out section header ("![SERVICE=…]") followed by settings: they fall into the section above it.',
    severity: 'warning',
    fixable: false,
  },
  create(context) {
    const { model } = context;
    const optionFiles = [model.jobController, model.dispatcher, model.options].filter((m): m is OptionFileModel => m !== undefined);
    for (const opt of optionFiles) {
      const file = opt.file;
      const settingOf = new Map<SyntaxNode, Setting>();
      for (const s of opt.settings) settingOf.set(s.node, s);
      const { items, sectionAt } = optionItems(opt);
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (item.kind !== 'CommentLine') continue;
        const current = sectionAt[i];
        const tok = (item.children as Token[]).find((t) => tokenKind(t) === 'Comment');
        const m = tok && HEADER_IN_COMMENT.exec(tok.image);
        if (!tok || !m) continue;
        // The settings up to the next real header that this comment seems to introduce.
        const captured: Setting[] = [];
        for (let k = i + 1; k < items.length && items[k].kind !== 'SectionHeader' && items[k].kind !== 'IncludeLine'; k++) {
          const s = settingOf.get(items[k]);
          if (s) captured.push(s);
        }
        if (!captured.length) continue;
        const names = captured.slice(0, 3).map((s) => s.nameWord.text).join(', ') + (captured.length > 3 ? ', …' : '');
        const into = current
          ? `section [${current.type}=${current.value}] above it, where they add to or replace that section's own settings`
          : `global defaults, where they apply to ${SCOPE_OF_GLOBALS[file.kind] ?? 'every section'}`;
        context.report({
          file,
          start: tok.startOffset,
          end: tok.startOffset + m[1].length + m[2].length,
          message: `'${m[1]}${m[2]}' is a comment, not a section header: the settings after it (${names}) belong to the ${into}; remove '${m[1].trim()}' to start the section, or comment out its settings too`,
          suggestions: [{ description: 'make it a section header', edits: [edit(file, tok.startOffset, tok.startOffset + m[1].length, '')] }],
        });
      }
    }
  },
});

export default rule;
