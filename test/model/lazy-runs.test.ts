// Content runs of the rule section become line nodes only when something asks for one of
// their lines, and then only that run: a configuration of many thousand rules must not be
// turned into nodes because one rule needs its own.
import { isRunItem, rawItemsOf, type RunItem } from '../../grammar/imta.js';
import type { SyntaxNode } from '../../grammar/index.js';
import { buildModel } from '../../src/model/load.js';

const text = ['a.example $U@a-daemon', 'b.example $U@b-daemon', '! second run', 'c.example $U@c-daemon', 'bare', '', 'l', 'local', ''].join('\n');

function runs(model: ReturnType<typeof buildModel>): RunItem[] {
  const section = (model.files[0].tree.root.children as SyntaxNode[]).find((n) => n.kind === 'RuleSection')!;
  return rawItemsOf(section).filter(isRunItem);
}

test('a rule without a template turns only its own run into line nodes', () => {
  const model = buildModel({ files: [{ relPath: 'imta.cnf', kind: 'imta.cnf', text }] });
  const [first, second] = runs(model);
  expect([first.lines, second.lines?.length]).toEqual([undefined, 2]);
  expect(model.rules.map((r) => r.key)).toEqual(['a.example', 'b.example', 'c.example', 'bare']);
});

test("asking a rule for its node makes that run's nodes, the ones the section's children give", () => {
  const model = buildModel({ files: [{ relPath: 'imta.cnf', kind: 'imta.cnf', text }] });
  const [first] = runs(model);
  const node = model.rules[1].node;
  expect(first.lines?.length).toBe(2);
  const section = (model.files[0].tree.root.children as SyntaxNode[]).find((n) => n.kind === 'RuleSection')!;
  expect(section.children[1]).toBe(node);
});
