// Templates are parsed once per model and text, and shared by the rules that read them.
import { parseTemplate } from '../../../grammar/template.js';
import { parsedTemplate } from '../../../rules/util/templates.js';
import { buildModel } from '../../../src/model/load.js';

test('one parse per model and text, the same result as parsing it', () => {
  const model = () => buildModel({ files: [{ relPath: 'imta.cnf', kind: 'imta.cnf', text: 'a ${T,$U}@b\n' }] });
  const [m1, m2] = [model(), model()];
  const t = parsedTemplate(m1, '${T,$U}@b');
  expect(parsedTemplate(m1, '${T,$U}@b')).toBe(t);
  expect(parsedTemplate(m2, '${T,$U}@b')).not.toBe(t);
  expect(t).toEqual(parseTemplate('${T,$U}@b'));
});
