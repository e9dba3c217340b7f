import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyse } from './testing.js';

const times = (text: string, published: string | null) =>
  Object.fromEntries(analyse(text, published).times.map((t) => [t.text, t.endValue ? `${t.value}..${t.endValue}` : t.value]));

test('weekdays resolve to the past week, or the coming one in future tense', () => {
  // 2025-08-22 is a Friday.
  const t = times('On Monday, he spoke. He said Tuesday that talks would go on. They will meet on Thursday.', '2025-08-22');
  assert.equal(t['Monday'], '2025-08-18');
  assert.equal(t['Tuesday'], '2025-08-19');
  assert.equal(t['Thursday'], '2025-08-28');
});

test('months by tense, last/next units, ago, ranges', () => {
  const t = times(
    'Trump told Time magazine in December that he disagreed. He vowed last year to end it. ' +
      'Tariffs take effect next week. We were there two weeks ago. The missile was expected by the end of December or early next year. ' +
      'They will meet in March.',
    '2025-08-22',
  );
  assert.equal(t['December'], '2024-12');
  assert.equal(t['last year'], '2024');
  assert.equal(t['next week'], '2025-08-25..2025-08-31');
  assert.equal(t['two weeks ago'], '2025-08-08');
  assert.equal(t['the end of December or early next year'], '2025-12..2026');
  assert.equal(t['March'], '2026-03');
});

test('explicit dates; without an article date only anchored expressions resolve', () => {
  const t = times('The attack came on July 8, 2025. The next strike came on Friday. Talks began in 2022.', null);
  assert.equal(t['July 8, 2025'], '2025-07-08');
  assert.equal(t['Friday'], '2025-07-04');
  assert.equal(t['2022'], '2022');
  const u = times('On Monday, he spoke. Last week was calm.', null);
  assert.equal(u['Monday'], null);
  assert.equal(u['Last week'], null);
});

test('vague spans and "in N units"', () => {
  const t = times('In recent weeks the talks stalled. Ask me in a week. A deal may come in the coming days.', '2025-08-22');
  assert.equal(t['In recent weeks'], '2025-08-01..2025-08-22');
  assert.equal(t['in a week'], '2025-08-29');
  assert.equal(t['in the coming days'], '2025-08-22..2025-08-25');
});
