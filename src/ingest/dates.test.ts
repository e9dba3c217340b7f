import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateLine, normalizeDate } from './dates.js';

test('date lines as news text writes them', () => {
  assert.equal(dateLine('Jul 09, 2025'), '2025-07-09');
  assert.equal(dateLine('July 08, 2025 23:00 ET (03:00 GMT)'), '2025-07-08');
  assert.equal(dateLine('Published: Wednesday, 9 July 2025, 14:05'), '2025-07-09');
  assert.equal(dateLine('Sept. 3, 2025'), '2025-09-03');
  assert.equal(dateLine('2025-08-22'), '2025-08-22');
  assert.equal(dateLine('July 8, 2025, the day talks collapsed.'), null);
  assert.equal(dateLine('Feb 30, 2025'), null);
});

test('structured dates keep the day as written, whatever the zone', () => {
  assert.equal(normalizeDate('2025-03-14 20:30:26Z'), '2025-03-14');
  assert.equal(normalizeDate('2025-03-14T23:30:00-05:00'), '2025-03-14');
  assert.equal(normalizeDate('Tue, 08 Jul 2025 23:00:00 GMT'), '2025-07-08');
  assert.equal(normalizeDate('not a date'), null);
  assert.equal(normalizeDate(null), null);
});
