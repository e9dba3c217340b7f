import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyse } from './testing.js';

const ents = (text: string) => analyse(text).entities.map((e) => `${e.text}/${e.type}`);

test('lexicon names, countries, demonyms, capitals and organisations', () => {
  const e = ents('Russian President Vladimir Putin spoke to Treasury Secretary Scott Bessent in Moscow about NATO and the European Union.');
  assert.deepEqual(e, [
    'Russian/GROUP', 'Vladimir Putin/PERSON', 'Scott Bessent/PERSON', 'Moscow/LOCATION', 'NATO/ORG', 'European Union/ORG',
  ]);
});

test('unlisted names from titles, given names, suffixes and appositions', () => {
  const e = ents(
    'Gen. Oleksandr Syrskyi met officials of the Carnegie Russia Eurasia Center. "We are ready," said Hanna Kowalczyk, ' +
      'a spokeswoman for Orlen. Zubarev, a senior fellow at the institute, agreed. The Bank of England stayed quiet. ' +
      'Amnesty International and Human Rights Watch protested.',
  );
  assert.ok(e.includes('Oleksandr Syrskyi/PERSON'), e.join(' '));
  assert.ok(e.includes('Carnegie Russia Eurasia Center/ORG'), e.join(' '));
  assert.ok(e.includes('Hanna Kowalczyk/PERSON'), e.join(' '));
  assert.ok(e.includes('Orlen/ORG'), e.join(' '));
  assert.ok(e.includes('Zubarev/PERSON'), e.join(' '));
  assert.ok(e.includes('Bank of England/ORG'), e.join(' '));
  assert.ok(e.includes('Amnesty International/ORG'), e.join(' '));
  assert.ok(e.includes('Human Rights Watch/ORG'), e.join(' '));
});

test('headings in title case and weekdays are not names', () => {
  const e = ents('Trump Faces Challenges in Ukraine Peace Efforts\n\nOn Monday, the talks resumed.');
  assert.deepEqual(e, ['Trump/PERSON', 'Ukraine/COUNTRY']);
});

test('a surname after the full name keeps the type of the full name', () => {
  const e = analyse('Tatiana Stanovaya, a senior fellow, spoke. Stanovaya said more.').entities;
  assert.equal(e.length, 2);
  assert.ok(e.every((x) => x.type === 'PERSON'));
});

test('an acronym in parentheses names the same actor as the full name', () => {
  const d = analyse('The Institute for the Study of War (ISW) said Russia was advancing. ISW analysts disagreed.');
  const isw = d.mentions.filter((m) => m.text === 'ISW');
  assert.equal(isw.length, 2);
  assert.ok(isw.every((m) => m.actor === 'institute-for-the-study-of-war'), JSON.stringify(isw));
});
