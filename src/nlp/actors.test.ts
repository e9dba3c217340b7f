import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { actorAt, analyse } from './testing.js';

test('full names, surnames, titles and Mr. resolve to one global actor', () => {
  const d = analyse('President Donald Trump met Vladimir Putin. Mr. Putin smiled and President Trump left. Putin stayed.', '2025-08-15');
  assert.equal(actorAt(d, 'Donald Trump'), 'donald-trump');
  assert.equal(actorAt(d, 'Trump', 1), 'donald-trump');
  assert.equal(actorAt(d, 'Putin', 0), 'vladimir-putin');
  assert.equal(actorAt(d, 'Putin', 1), 'vladimir-putin');
  assert.equal(actorAt(d, 'Putin', 2), 'vladimir-putin');
  const putin = d.actors.find((a) => a.id === 'vladimir-putin')!;
  assert.equal(putin.country, 'RUS');
  assert.equal(putin.affiliation, 'kremlin');
  assert.equal(putin.role, 'President of Russia');
});

test('role descriptions resolve by the dictionary role dates and the article', () => {
  const text = 'Trump spoke with Putin. The U.S. president said the Russian leader wanted peace. The Kremlin\'s spokesman disagreed.';
  const d = analyse(text, '2025-08-15');
  assert.equal(actorAt(d, 'The U.S. president'), 'donald-trump');
  assert.equal(actorAt(d, 'the Russian leader'), 'vladimir-putin');
  assert.equal(actorAt(d, 'The Kremlin\'s spokesman'), 'dmitry-peskov');
  // In 2022 the U.S. president was Biden.
  const old = analyse('The U.S. president spoke.', '2022-03-01');
  assert.equal(actorAt(old, 'The U.S. president'), 'joe-biden');
});

test('metonymy: capitals acting stand for the state, places stay places', () => {
  const d = analyse('Moscow rejected the plan. Kyiv said it would respond. Missiles hit buildings in Kyiv. The White House declined to comment.', '2025-08-15');
  assert.equal(actorAt(d, 'Moscow'), 'RUS');
  assert.equal(actorAt(d, 'Kyiv', 0), 'UKR');
  assert.equal(actorAt(d, 'Kyiv', 1), 'kyiv');
  assert.equal(actorAt(d, 'White House'), 'white-house');
  assert.equal(d.actors.find((a) => a.id === 'white-house')!.affiliation, 'USA');
  assert.equal(d.mentions.find((m) => m.text === 'Moscow')!.kind, 'metonym');
});

test('pronouns heading a clause resolve to the nearest compatible person', () => {
  const text =
    'Fiona Hill, a former official, criticised the plan. "It is a mess," she said. ' +
    'Trump met Zelensky on Monday. He said the talks went well. "We will see," he added.';
  const d = analyse(text, '2025-08-22');
  assert.equal(actorAt(d, 'she'), 'fiona-hill');
  assert.equal(actorAt(d, 'He said'), 'donald-trump');
  assert.equal(actorAt(d, 'he added'), 'donald-trump');
  assert.equal(d.mentions.find((m) => m.text === 'she')!.kind, 'pronoun');
  // A pronoun that is not a subject ("told him") is left alone.
  const d2 = analyse('Trump called Putin and told him to stop.', '2025-08-22');
  assert.equal(d2.mentions.some((m) => m.text === 'him'), false);
});

test('unlisted people get kebab-case ids; spellings of one name merge', () => {
  const d = analyse('Volodymyr Zelenskyy spoke. Zelenskiy left. Tatiana Stanovaya, a senior fellow, said Stanovaya agreed.', '2025-08-22');
  assert.equal(actorAt(d, 'Volodymyr Zelenskyy'), 'volodymyr-zelensky');
  assert.equal(actorAt(d, 'Zelenskiy'), 'volodymyr-zelensky');
  assert.equal(actorAt(d, 'Tatiana Stanovaya'), 'tatiana-stanovaya');
  assert.equal(actorAt(d, 'Stanovaya', 1), 'tatiana-stanovaya');
  const a = analyse('Petro Zubrytskyy commanded.').mentions[0].actor;
  const b = analyse('Petro Zubrytskyi commanded.').mentions[0].actor;
  assert.equal(a, b);
});

test('a user lexicon adds and overrides actors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-lex-'));
  const file = join(dir, 'mine.yaml');
  writeFileSync(
    file,
    'actors:\n  - id: ivan-petrenko\n    name: Ivan Petrenko\n    type: PERSON\n    aliases: [Petrenko]\n    gender: male\n    country: UKR\n' +
      '    roles:\n      - title: Mayor of Bucha\n        descriptions: [Bucha mayor]\n        from: 2020-01-01\n        to: null\n',
  );
  const d = analyse('Petrenko spoke. He said the city was calm.', '2025-08-22', { lexicons: [file] });
  assert.equal(actorAt(d, 'Petrenko'), 'ivan-petrenko');
  assert.equal(actorAt(d, 'He'), 'ivan-petrenko');
  assert.equal(d.actors.find((a) => a.id === 'ivan-petrenko')!.role, 'Mayor of Bucha');
});

test('"it said" after an organisation or state resolves to it; Washington and Brussels as actors', () => {
  const d = analyse('The Kremlin rejected the plan. It said talks must continue. Washington and Brussels disagreed.', '2025-08-15');
  assert.equal(actorAt(d, 'It said'), 'kremlin');
  assert.equal(actorAt(d, 'Washington'), 'USA');
  assert.equal(actorAt(d, 'Brussels'), 'eu');
});
