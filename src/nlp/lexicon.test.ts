import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { actorIdFor, loadLexicon, parseActorFile } from './lexicon.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-lexicon-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

test('the shipped lexicon: dictionary actors, countries from world-countries, capitals, role dates', () => {
  const lex = loadLexicon();
  assert.equal(lex.actors.get('vladimir-putin')?.country, 'RUS');
  assert.equal(lex.actors.get('UKR')?.type, 'COUNTRY');
  assert.equal(lex.capitals.get('kyiv'), 'UKR');
  const trump = lex.actors.get('donald-trump')!;
  assert.ok(trump.roles.some((r) => r.from === '2025-01-20' && r.to === null), 'YAML dates are read as YYYY-MM-DD strings');
});

test('a user file overrides a shipped actor by id and adds new ones', () => {
  const p = file('override.yaml', 'actors:\n  - id: dmitry-peskov\n    name: Dmitry Peskov\n    type: PERSON\n    aliases: [Peskov]\n    country: RUS\n    affiliation: russian-government\n');
  const lex = loadLexicon([p]);
  assert.equal(lex.actors.get('dmitry-peskov')?.affiliation, 'russian-government');
  assert.notEqual(loadLexicon().actors.get('dmitry-peskov')?.affiliation, 'russian-government', 'the shipped lexicon is untouched');
});

test('bad lexicon files fail with one line naming the file and the problem', () => {
  assert.throws(() => loadLexicon([join(dir, 'missing.yaml')]), /missing\.yaml: cannot read actor lexicon \(ENOENT\)/);
  assert.throws(() => loadLexicon([file('bad.yaml', 'actors: [\n')]), /bad\.yaml: invalid YAML in actor lexicon/);
  assert.throws(() => parseActorFile(file('type.yaml', 'actors:\n  - id: x\n    name: X\n    type: ROBOT\n')), /type\.yaml: actors\[0\] \(x\): unknown type "ROBOT"/);
  assert.throws(() => parseActorFile(file('noid.yaml', 'actors:\n  - name: X\n')), /noid\.yaml: actors\[0\] needs an id and a name/);
  assert.throws(() => parseActorFile(file('notlist.yaml', 'actors: 3\n')), /"actors" must be a list/);
});

test('ids of unlisted actors fold accents and transliteration variants', () => {
  assert.equal(actorIdFor('Volodymyr Zelenskyy'), actorIdFor('Volodymyr Zelenskiy'));
  assert.equal(actorIdFor('Volodymyr Zelenskyy'), 'volodymyr-zelensky');
  assert.equal(actorIdFor('José Martí'), 'jose-marti');
});
