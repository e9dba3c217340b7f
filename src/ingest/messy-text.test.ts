import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SKIP_SHARED, sharedPath } from '../../test/shared.js';
import { parseAuthorNames, parseMessyText } from './messy-text.js';
import { prepare } from './prepare.js';

function seed(name: string) {
  const path = sharedPath('seeds', name);
  const raw = readFileSync(path, 'utf8');
  return { raw, doc: prepare({ source: path, format: 'text', content: raw }) };
}

/** Cleaning only drops lines or a line prefix: every kept line is a piece of one original line. */
function assertOnlyDropped(raw: string, text: string) {
  const original = raw.split(/\r?\n/);
  for (const line of text.split('\n').filter(Boolean)) assert.ok(original.some((o) => o.includes(line)), `rewritten line: ${line.slice(0, 80)}`);
}

const BOILERPLATE = [/Write to/, /@\w+\.com/, /Dow Jones/, /Copyright/i, /log in/i, /Disclaimer/, /Most Discussed/, /^\s*\d+\.\s*\d*\s*$/m, /\u00a0/, /\(END\)/, /^\s*date \d{4}/m, /^By /m];
function assertClean(text: string) {
  for (const re of BOILERPLATE) assert.doesNotMatch(text, re);
}

test('seed 000: date prefix, Write-to footer with two authors, no title', { skip: SKIP_SHARED }, () => {
  const { raw, doc } = seed('000_68edfcb621194fc7.txt');
  assert.equal(doc.title, null);
  assert.equal(doc.published, '2025-08-22');
  assert.equal(doc.publisher, null);
  assert.deepEqual(doc.authors, ['Alexander Ward', 'Michael R. Gordon']);
  assert.equal(doc.dateline, null);
  assert.ok(doc.text.startsWith('On Monday, President Trump boasted about quickly brokering peace'));
  assert.ok(doc.text.endsWith('Putin will never agree."'));
  assertClean(doc.text);
  assertOnlyDropped(raw, doc.text);
});

test('seed 001: WSJ title suffix, Dow Jones header, byline, dateline, newswire footer and lists', { skip: SKIP_SHARED }, () => {
  const { raw, doc } = seed('001_f9bbe1fcd88cdc3b.txt');
  assert.equal(doc.title, "Putin's Strategy of Paying Lip Service to Peace Falters as Trump Loses Patience");
  assert.equal(doc.published, '2025-07-09');
  assert.equal(doc.publisher, 'The Wall Street Journal');
  assert.deepEqual(doc.authors, ['Matthew Luxmoore']);
  assert.equal(doc.dateline, 'KYIV, Ukraine');
  assert.ok(doc.text.startsWith('For months, Russia has courted President Trump'));
  assert.ok(doc.text.endsWith('So why would it change now?"'));
  assert.doesNotMatch(doc.text, /WSJ|Luxmoore|July 08, 2025|Jul 09|TTM|Investing carries risk/);
  assertClean(doc.text);
  assertOnlyDropped(raw, doc.text);
});

test('seed 002: a headline line and single-newline paragraphs, no date or author in the text', { skip: SKIP_SHARED }, () => {
  const { raw, doc } = seed('002_2c1112b90513d27d.txt');
  assert.equal(doc.title, 'Trump Faces Challenges in Ukraine Peace Efforts');
  assert.equal(doc.published, null);
  assert.equal(doc.publisher, null);
  assert.deepEqual(doc.authors, []);
  assert.equal(doc.dateline, null);
  // the bare headline stays in the text, so offsets are those of the file
  assert.ok(doc.text.startsWith('Trump Faces Challenges in Ukraine Peace Efforts\n\nAs his presidency crosses the 100-day mark'));
  assert.ok(doc.text.endsWith('deeply rooted geopolitical tensions.'));
  assert.ok(raw.startsWith(doc.text));
  assert.equal(doc.text.split('\n').length, 12);
  assertClean(doc.text);
  assertOnlyDropped(raw, doc.text);
});

test('seed 003: date prefix, no title, nothing else', { skip: SKIP_SHARED }, () => {
  const { raw, doc } = seed('003_dde54d7ec6dc5d73.txt');
  assert.equal(doc.title, null);
  assert.equal(doc.published, '2025-07-07');
  assert.equal(doc.publisher, null);
  assert.deepEqual(doc.authors, []);
  assert.equal(doc.dateline, null);
  assert.ok(doc.text.startsWith('President Trump keeps beseeching Vladimir Putin'));
  assert.ok(doc.text.endsWith('benefit of the Iran strike will vanish.'));
  assertClean(doc.text);
  assertOnlyDropped(raw, doc.text);
});

test('seed 004: headline, section headings kept as text, no date', { skip: SKIP_SHARED }, () => {
  const { raw, doc } = seed('004_4e6a2d03944ea50d.txt');
  assert.equal(doc.title, 'Trump Pushes for Ceasefire, Putin Pushes for Kyiv');
  assert.equal(doc.published, null);
  assert.equal(doc.publisher, null);
  assert.deepEqual(doc.authors, []);
  assert.equal(doc.dateline, null);
  assert.ok(doc.text.startsWith('Trump Pushes for Ceasefire, Putin Pushes for Kyiv\nExecutive Summary\nAs Ukraine endures'));
  assertClean(doc.text);
  assertOnlyDropped(raw, doc.text);
});

test('wire story: (Reuters) dateline, byline with two names, date line, copyright and related list', () => {
  const raw = [
    'Kremlin says summit date not yet set - Reuters',
    '',
    'June 3, 2025 10:15 AM GMT',
    'By Anna Petrova and JOHN SMITH',
    '',
    'MOSCOW (Reuters) - The Kremlin said on Tuesday that no date had been set for a summit.',
    '',
    '"There is no date yet," Kremlin spokesman Dmitry Peskov told reporters.',
    '',
    '(Reporting by Anna Petrova; Editing by Mark Heinrich)',
    '© 2025 Reuters. All rights reserved.',
    '',
    'Related Articles',
    'Ukraine talks stall',
    'Drone attack on Kyiv',
  ].join('\n');
  const r = parseMessyText(raw);
  assert.equal(r.title, 'Kremlin says summit date not yet set');
  assert.equal(r.publisher, 'Reuters');
  assert.equal(r.published, '2025-06-03');
  assert.deepEqual(r.authors, ['Anna Petrova', 'John Smith']);
  assert.equal(r.dateline, 'MOSCOW');
  assert.equal(r.text, 'The Kremlin said on Tuesday that no date had been set for a summit.\n\n"There is no date yet," Kremlin spokesman Dmitry Peskov told reporters.');
});

test('a bare headline is the title and stays in the text; header lines after it are dropped', () => {
  const r = parseMessyText('Talks Resume in Istanbul\n\nJune 3, 2025\nBy Anna Petrova\n\nDelegations met again on Monday.');
  assert.equal(r.title, 'Talks Resume in Istanbul');
  assert.equal(r.published, '2025-06-03');
  assert.deepEqual(r.authors, ['Anna Petrova']);
  assert.equal(r.text, 'Talks Resume in Istanbul\n\nDelegations met again on Monday.');
});

test('a headline over nothing but header lines leaves no article text', () => {
  const r = parseMessyText('Talks Resume in Istanbul\n\nJune 3, 2025\nBy Anna Petrova\n\n© 2025 Reuters. All rights reserved.');
  assert.equal(r.title, 'Talks Resume in Istanbul');
  assert.equal(r.text, '');
});

test('plain prose: no title is guessed from a first sentence, nothing is dropped', () => {
  const raw = 'Ukraine and Russia exchanged prisoners on Friday, officials said.\n\nThe swap was the largest this year.';
  const r = parseMessyText(raw);
  assert.equal(r.title, null);
  assert.equal(r.published, null);
  assert.equal(r.dateline, null);
  assert.equal(r.text, raw);
});

test('a title given by the source is not looked for, and its repetition as first line is dropped', () => {
  const r = parseMessyText('Talks resume in Istanbul\n\nDelegations met again on Monday.', { title: 'Talks Resume in Istanbul' });
  assert.equal(r.title, null);
  assert.equal(r.text, 'Delegations met again on Monday.');
});

test('author names from footers never keep the e-mail address', () => {
  assert.deepEqual(parseAuthorNames('Alexander Ward at alex.ward@wsj.com and Michael R. Gordon at michael.gordon@wsj.com'), ['Alexander Ward', 'Michael R. Gordon']);
  assert.deepEqual(parseAuthorNames('Jane Doe, Staff Writer'), ['Jane Doe']);
});

test('datelines: places in capitals before a dash; organisations and plain hyphens are not datelines', () => {
  const dl = (first: string) => parseMessyText(`${first} officials said on Monday that talks would resume.`).dateline;
  assert.equal(dl('KYIV, Ukraine --'), 'KYIV, Ukraine');
  assert.equal(dl('THE HAGUE —'), 'THE HAGUE');
  assert.equal(dl('WASHINGTON (AP) -'), 'WASHINGTON');
  assert.equal(dl('NATO --'), null);
  assert.equal(dl('U.S. -'), null);
  assert.equal(dl('MOSCOW -'), null);
});

test('wire datelines with a date: place, date and agency read, and only that prefix dropped', () => {
  const body = 'Russia and Ukraine agreed on Tuesday to a cease-fire around the plant.';
  let r = parseMessyText(`GENEVA, March 3, 2026 (Reuters) - ${body}`);
  assert.deepEqual([r.dateline, r.published, r.publisher, r.text], ['GENEVA', '2026-03-03', 'Reuters', body]);
  r = parseMessyText(`LONDON, March 5, 2026 - ${body}`);
  assert.deepEqual([r.dateline, r.published, r.publisher, r.text], ['LONDON', '2026-03-05', null, body]);
  r = parseMessyText(`KYIV, Ukraine (AP) — ${body}`);
  assert.deepEqual([r.dateline, r.published, r.publisher, r.text], ['KYIV, Ukraine', null, 'Associated Press', body]);
  r = parseMessyText(`MOSCOW, July 3 -- ${body}`);
  assert.deepEqual([r.dateline, r.published, r.text], ['MOSCOW', null, body]);
  // a date in the header wins over the dateline's
  r = parseMessyText(`March 4, 2026\n\nGENEVA, March 3, 2026 (Reuters) - ${body}`);
  assert.deepEqual([r.dateline, r.published, r.text], ['GENEVA', '2026-03-04', body]);
});

test('a dateline date without a year is dated only when a header or footer date gives the year', () => {
  const body = 'The two sides met for talks on Friday, officials said.';
  let r = parseMessyText(`WASHINGTON, Aug 22 (Reuters) - ${body}`);
  assert.deepEqual([r.dateline, r.published, r.publisher, r.text], ['WASHINGTON', null, 'Reuters', body]);
  r = parseMessyText(`WASHINGTON, Aug 22 (Reuters) - ${body}\n\nAugust 23, 2025`);
  assert.deepEqual([r.dateline, r.published, r.text], ['WASHINGTON', '2025-08-22', body]);
  // a December dateline in a story dated in January is from the year before
  r = parseMessyText(`MOSCOW, Dec. 31 -- ${body}\n\nJanuary 2, 2026`);
  assert.equal(r.published, '2025-12-31');
  // not a month: no date, and a lone hyphen is still no dateline
  r = parseMessyText(`MOSCOW, Ukraine 3 - ${body}`);
  assert.equal(r.dateline, null);
});
