import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLexiconYaml } from './lexicon-yaml.js';

test('a lexicon file reads as YAML; a missing or broken one fails naming the file, the lexicon and the problem', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-lexicon-yaml-'));
  const good = join(dir, 'good.yaml');
  writeFileSync(good, 'warm:\n  agree: 2\n');
  assert.deepEqual(readLexiconYaml(good, 'tone'), { warm: { agree: 2 } });
  assert.throws(() => readLexiconYaml(join(dir, 'missing.yaml'), 'tone'), /missing\.yaml: cannot read tone lexicon \(ENOENT\)$/);
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'warm: [agree\n');
  assert.throws(() => readLexiconYaml(bad, 'tone'), (e: Error) => /bad\.yaml: invalid YAML in tone lexicon \(.+\)$/.test(e.message) && !e.message.includes('\n'));
});
