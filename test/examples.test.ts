// The example corpus (examples/, see examples/README.md) through the whole pipeline: every
// file and every feed item or JSONL record gives the metadata the README promises, and each
// article carries the layers the demo relies on (quotes, events, resolved dates).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { extract, isFailure, type Document } from '../src/index.js';
import { repoRoot } from './shared.js';

interface Meta {
  title: string | null;
  publisher: string | null;
  authors: string[];
  dateline: string | null;
}

// published → expected metadata (one article per date except 2025-08-16, keyed by publisher)
const expected: Record<string, Meta> = {
  '2025-01-23': { title: null, publisher: null, authors: ['Daniel Fairbanks'], dateline: null },
  '2025-02-13': { title: 'Trump and Putin Agree to Start Negotiations After Lengthy Phone Call', publisher: 'Meridian Newswires', authors: ['Elena Marsh', 'David Okafor'], dateline: 'WASHINGTON' },
  '2025-02-19': { title: 'U.S. and Russia Agree to Restore Embassies and Keep Talking, Without Ukraine at the Table', publisher: 'Harbor Post', authors: ['Leah Morgenstern', 'Omar Haddad'], dateline: 'RIYADH, Saudi Arabia' },
  '2025-03-19': { title: 'Putin Agrees Only to Energy Truce in Call With Trump, Rejecting Full Cease-Fire', publisher: 'Linden Wire', authors: ['Dmytro Koval'], dateline: 'KYIV, Ukraine' },
  '2025-04-27': { title: 'Trump Meets Zelensky at the Vatican, Then Questions Whether Putin Wants Peace', publisher: 'Linden Wire', authors: ['Sofia Marchetti', 'Dmytro Koval'], dateline: 'ROME' },
  '2025-03-04': { title: 'U.S. Pauses Military Aid to Ukraine Days After Oval Office Clash', publisher: 'Northline News Service', authors: ['Olena Hart'], dateline: 'KYIV, Ukraine' },
  '2025-05-17': { title: null, publisher: null, authors: [], dateline: null },
  '2025-06-26': { title: 'NATO Allies Agree on 5% Spending Goal; Trump Meets Zelensky in The Hague', publisher: 'Atlas World Desk', authors: ['Olivia Brandt'], dateline: 'THE HAGUE' },
  '2025-07-02': { title: 'Pentagon Halts Some Weapons Shipments to Ukraine Over Stockpile Concerns', publisher: 'Continental Press Service', authors: ['Marcus Lindqvist'], dateline: 'WASHINGTON' },
  '2025-07-04': { title: 'Russia Pounds Kyiv Hours After Trump-Putin Call Yields No Progress', publisher: 'Meridian Newswires', authors: ['Elena Marsh'], dateline: 'KYIV, Ukraine' },
  '2025-07-05': { title: "Kyiv Endures Record Drone Barrage After Putin Tells Trump He Won't Back Down", publisher: 'Atlas World Desk', authors: ['Mykola Hrytsenko'], dateline: 'KYIV, Ukraine' },
  '2025-07-16': { title: null, publisher: null, authors: ['Daniel Fairbanks', 'Priya Raman'], dateline: null },
  '2025-08-02': { title: 'Trump Orders Submarines Repositioned After Online Clash With Medvedev', publisher: 'Northline News Service', authors: ['Priya Raman', 'Sergei Volkonsky'], dateline: 'WASHINGTON' },
  '2025-08-07': { title: 'Trump Doubles Tariffs on India Over Russian Oil as Witkoff Meets Putin', publisher: 'Harbor Post', authors: ['Anil Mehra'], dateline: 'NEW DELHI' },
  '2025-08-16/Meridian Newswires': { title: 'Trump and Putin End Alaska Summit Without a Deal on Ukraine', publisher: 'Meridian Newswires', authors: ['Daniel Fairbanks', 'Elena Marsh'], dateline: 'ANCHORAGE, Alaska' },
  '2025-08-16/The Eastgate Herald': { title: 'Putin Leaves Alaska With Red Carpet, Trump Drops Cease-Fire Demand', publisher: 'The Eastgate Herald', authors: ['Karin Holm', 'James Whitcombe'], dateline: 'ANCHORAGE' },
  '2025-08-22': { title: "Trump Now Says Ukraine Can't Win Without Hitting Russia", publisher: 'Capitol Ledger', authors: ['Nadia Ferreira'], dateline: null },
  '2025-08-28': { title: 'Russia Kills More Than Twenty in Kyiv; Blast Damages EU Mission', publisher: 'Atlas World Desk', authors: ['Olivia Brandt', 'Mykola Hrytsenko'], dateline: 'KYIV, Ukraine' },
  '2025-09-05': { title: '26 Countries Pledge Troops for Postwar Ukraine Force; Putin Calls Them Targets', publisher: 'Harbor Post', authors: ['Leah Morgenstern'], dateline: 'PARIS' },
  '2025-09-08': { title: "Russian Strike Sets Ukraine's Cabinet Building Ablaze; Trump Says He Is Ready for New Sanctions", publisher: 'Harbor Post', authors: ['Omar Haddad', 'Iryna Bondar'], dateline: 'KYIV, Ukraine' },
};

const docs = new Map<string, Document>();
const keyOf = (d: Document) => (d.published === '2025-08-16' ? `${d.published}/${d.publisher}` : String(d.published));

before(async () => {
  for await (const d of extract([join(repoRoot, 'examples')])) {
    assert.ok(!isFailure(d), `example failed: ${isFailure(d) ? `${d.input}: ${d.error}` : ''}`);
    const k = keyOf(d);
    assert.ok(!docs.has(k), `two examples under ${k}`);
    docs.set(k, d);
  }
});

test('every example is read, and the README is not an article', () => {
  assert.deepEqual([...docs.keys()].sort(), Object.keys(expected).sort());
});

test('each example gives the title, publisher, authors and dateline examples/README.md lists', () => {
  for (const [k, m] of Object.entries(expected)) {
    const d = docs.get(k)!;
    assert.deepEqual({ title: d.title, publisher: d.publisher, authors: d.authors, dateline: d.dateline }, m, k);
  }
});

test('each example carries direct quotes, reported speech, events and resolved dates', () => {
  for (const [k, d] of docs) {
    assert.ok(d.quotes.some((q) => q.direct && q.actor), `${k}: no attributed direct quote`);
    assert.ok(d.quotes.some((q) => !q.direct), `${k}: no reported speech`);
    assert.ok(d.events.length > 0, `${k}: no events`);
    assert.ok(d.times.some((t) => t.value !== null), `${k}: no resolved time expression`);
  }
});

test('the two reports of the Alaska summit name the same actors and the same day', () => {
  const pair = [docs.get('2025-08-16/Meridian Newswires')!, docs.get('2025-08-16/The Eastgate Herald')!];
  for (const d of pair) {
    const actors = new Set(d.mentions.map((m) => m.actor));
    for (const id of ['donald-trump', 'vladimir-putin', 'volodymyr-zelensky']) assert.ok(actors.has(id), `${d.publisher}: ${id} not found`);
    assert.ok(d.times.some((t) => t.value === '2025-08-15'), `${d.publisher}: Friday is not resolved to 2025-08-15`);
  }
});

test('officials from the dictionary files resolve in the examples', () => {
  const found = new Set([...docs.values()].flatMap((d) => d.mentions.map((m) => m.actor)));
  for (const id of ['yuri-ushakov', 'pete-hegseth', 'kaja-kallas', 'hakan-fidan', 'narendra-modi', 'yulia-svyrydenko', 'olaf-scholz', 'keith-kellogg', 'pentagon', 'us-senate'])
    assert.ok(found.has(id), `${id} is never mentioned`);
});
