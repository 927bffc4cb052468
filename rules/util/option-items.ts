// The top-level lines of an option file (comments, blank lines, headers, settings) with
// the section each stands in, for rules that look at layout between sections.
import type { SyntaxNode } from '../../grammar/index.js';
import type { OptionFileModel, OptionSection } from '../../src/model/types.js';

export interface OptionItems {
  items: SyntaxNode[];
  /** The section that item i stands in (after its header); undefined: the global defaults. */
  sectionAt: (OptionSection | undefined)[];
  /** The section a SectionHeader node starts. */
  sectionOf: Map<SyntaxNode, OptionSection>;
}

export function optionItems(opt: OptionFileModel): OptionItems {
  const sectionOf = new Map<SyntaxNode, OptionSection>();
  for (const s of opt.sections) sectionOf.set(s.header, s);
  const items = opt.file.tree.root.children as SyntaxNode[];
  const sectionAt: (OptionSection | undefined)[] = [];
  let current: OptionSection | undefined;
  for (const item of items) {
    if (item.kind === 'SectionHeader') current = sectionOf.get(item);
    sectionAt.push(current);
  }
  return { items, sectionAt, sectionOf };
}
