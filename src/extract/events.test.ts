import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, WAR_ACTORS } from '../../test/fixtures/document.js';
import { codeEvents, eventsStage } from './events.js';
import { loadEventLexicon } from './eventLexicon.js';

const code = (text: string, times?: Record<string, string>) =>
  codeEvents(fixture(text, { actors: WAR_ACTORS, times, published: '2025-07-07' })).map((e) => ({
    type: e.type,
    source: e.source,
    target: e.target,
    modality: e.modality,
    trigger: e.trigger.text,
    date: e.date,
    intensity: e.intensity,
  }));

test('subject–verb–object: an attack on a city is an attack on its country', () => {
  const [e] = code('Mr. Putin answered by hitting Kyiv with one of the biggest drone and missile attacks of the war.');
  assert.deepEqual([e.type, e.source, e.target, e.modality, e.trigger], ['ASSAULT', 'vladimir-putin', 'UKR', 'asserted', 'hitting']);
  assert.equal(e.intensity, -10);
});

test('passive with "by": the agent is the source, the subject the target', () => {
  const evs = code('Ukraine was attacked by Russia on Monday.');
  assert.deepEqual(evs.map((e) => [e.type, e.source, e.target]), [['ASSAULT', 'RUS', 'UKR']]);
  // The subject is "efforts", not an actor: no target rather than a wrong one.
  const rej = code('Trump’s efforts to broker a ceasefire have been flatly rejected by Moscow.').find((e) => e.type === 'REJECT');
  assert.deepEqual([rej?.source, rej?.target], ['RUS', null]);
});

test('coordinated actors: one event each; a participle after a noun is not the verb of the clause', () => {
  const evs = code('Trump is keeping tariffs in place on Russia, India and Ukraine.');
  assert.deepEqual(evs.map((e) => e.target).sort(), ['IND', 'RUS', 'UKR']);
  assert.ok(evs.every((e) => e.type === 'SANCTION' && e.source === 'donald-trump'));
  assert.deepEqual(code('Russia and India upgraded their ties.').map((e) => [e.type, e.source, e.target]), [['COOPERATE', 'RUS', 'IND']]);
  const relative = code('Weapons supplied to Ukraine by the U.S. arrived.');
  assert.deepEqual(relative.map((e) => [e.type, e.source, e.target]), [['AID', 'USA', 'UKR']]);
});

test('nominal with possessor and "on": Russia’s attack on Ukraine', () => {
  const evs = code('Russia’s attack on Ukraine shocked Europe.');
  assert.deepEqual(evs.map((e) => [e.type, e.source, e.target]), [['ASSAULT', 'RUS', 'UKR']]);
});

test('"a phone call between X and Y" is a consultation', () => {
  const evs = code('A phone call between Putin and Trump lasted two hours on Thursday.', { 'on Thursday': '2025-07-03' });
  assert.deepEqual(evs.map((e) => [e.type, e.source, e.target, e.date]), [['CONSULT', 'vladimir-putin', 'donald-trump', '2025-07-03']]);
});

test('talks with: the subject consults the object', () => {
  const evs = code('The U.S. held talks with Russia in Saudi Arabia.');
  assert.deepEqual(evs.map((e) => [e.type, e.source, e.target]), [['CONSULT', 'USA', 'RUS']]);
});

test('context decides: paused deliveries are a RETREAT, resumed shipments AID, and the shipments are not a second event', () => {
  const paused = code('The White House has put U.S. arms deliveries to Ukraine on pause.');
  assert.deepEqual(paused.map((e) => e.type), ['RETREAT']);
  const resumed = code('Trump says he plans to resume arms shipments to Ukraine.');
  assert.deepEqual(resumed.map((e) => [e.type, e.source, e.target, e.modality]), [['AID', 'donald-trump', 'UKR', 'planned']]);
  assert.deepEqual(code('Trump will stop at nothing.'), []);
});

test('modality: negated, planned, hypothetical, threatened', () => {
  assert.equal(code('Trump hasn’t provided Ukraine with long-range missiles.')[0].modality, 'negated');
  assert.equal(code('Trump didn’t attack Russia.')[0].modality, 'negated');
  assert.equal(code('Trump is considering sending an additional Patriot system to Ukraine.')[0].modality, 'planned');
  assert.equal(code('Russia will attack Ukraine.')[0].modality, 'planned');
  assert.equal(code('If Russia attacked Ukraine again, the deal would collapse.')[0].modality, 'hypothetical');
  const threat = code('Trump threatened to impose new sanctions on Russia.');
  assert.ok(threat.some((e) => e.type === 'THREATEN' && e.source === 'donald-trump' && e.target === 'RUS'));
  assert.ok(!threat.some((e) => e.type === 'SANCTION'));
});

test('intensity follows the documented scale and the modality factor', () => {
  const lex = loadEventLexicon();
  const [planned] = code('Russia will attack Ukraine.');
  assert.equal(planned.intensity, Math.round(lex.scale.ASSAULT * lex.modality.planned * 10) / 10);
  const [negated] = code('Russia did not attack Ukraine.');
  assert.equal(negated.intensity, 0);
});

test('a fronted clause takes the main clause’s subject; tariffs on a country are a SANCTION', () => {
  const evs = code('And after promising to levy harsh new sanctions on the Kremlin, Trump has only ordered tariffs on India for purchasing Russian oil.');
  assert.ok(evs.some((e) => e.type === 'THREATEN' && e.source === 'donald-trump' && e.target === 'kremlin'));
  assert.ok(evs.some((e) => e.type === 'SANCTION' && e.source === 'donald-trump' && e.target === 'IND'));
});

test('words inside a direct quote are speech, not events', () => {
  const text = 'Trump said: “We will attack Russia.”';
  const doc = fixture(text, { actors: WAR_ACTORS, quotes: [{ text: 'We will attack Russia.', actor: 'donald-trump' }] });
  assert.deepEqual(codeEvents(doc), []);
});

test('no actor, no event; the stage fills doc.events', () => {
  assert.deepEqual(code('The attack shocked everyone.'), []);
  const doc = fixture('Russia attacked Ukraine on Monday.', { actors: WAR_ACTORS, times: { 'on Monday': '2025-07-07' } });
  eventsStage({}).run(doc);
  assert.equal(doc.events.length, 1);
  assert.equal(doc.events[0].date, '2025-07-07');
  assert.equal(doc.text.slice(doc.events[0].sentence.start, doc.events[0].sentence.end), 'Russia attacked Ukraine on Monday.');
});

test('users extend the trigger lexicon with their own file; a bad type is named with the file', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'parley-lex-'));
  try {
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, 'verbs:\n  - type: COERCE\n    lemmas: [kettle]\n');
    const doc = fixture('Russia kettled Ukraine.', { actors: WAR_ACTORS });
    eventsStage({ lexicons: [file] }).run(doc);
    assert.deepEqual(doc.events.map((e) => [e.type, e.source, e.target]), [['COERCE', 'RUS', 'UKR']]);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'verbs:\n  - type: SHOUT\n    lemmas: [yell]\n');
    assert.throws(() => eventsStage({ lexicons: [bad] }), /bad\.yaml: unknown event type "SHOUT"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('robust to odd layers: empty text, mentions off the token grid, tokens past the last sentence', async () => {
  const { emptyDocument } = await import('../document.js');
  assert.deepEqual(codeEvents(emptyDocument({ id: 'e', text: '' })), []);
  const doc = fixture('Russia attacked Ukraine. Then it stopped.', { actors: WAR_ACTORS });
  doc.mentions.push({ start: 3, end: 9, text: 'sia at', actor: 'nobody', type: 'PERSON' });
  doc.mentions.push({ start: 500, end: 510, text: '', actor: 'ghost', type: 'PERSON' });
  doc.sentences = doc.sentences.slice(0, 1);
  const evs = codeEvents(doc);
  assert.ok(Array.isArray(evs));
  for (const e of evs) assert.ok(e.trigger.end <= doc.text.length && e.sentence.end <= doc.text.length);
});

test('verbs joined by "or" share a negation', () => {
  const evs = code('Trump hasn’t provided Ukraine with missiles or authorized more weapons to send to Ukraine.');
  assert.ok(evs.length >= 1);
  assert.ok(evs.every((e) => e.modality === 'negated'), JSON.stringify(evs));
});

test('dates: background time phrases ("since", "by", "before", relative clauses) do not date the event', () => {
  const date = (text: string, times: Record<string, string>, type?: string) => code(text, times).find((e) => !type || e.type === type)?.date;
  // "since 2018" measures; "on Friday" dates.
  assert.equal(date('Trump met Putin on Friday, their first meeting since 2018.', { Friday: '2025-07-04', '2018': '2018' }, 'CONSULT'), '2025-07-04');
  assert.equal(date('Trump met Putin, their first meeting since 2018.', { '2018': '2018' }, 'CONSULT'), '2025-07-07');
  // "by 2035" is a deadline, "before 2014" a reference point: the article's date instead.
  assert.equal(date('Russia and Ukraine agreed to a truce by 2035.', { '2035': '2035' }, 'AGREE'), '2025-07-07');
  assert.equal(date('Russia attacked Ukraine before 2014.', { '2014': '2014' }, 'ASSAULT'), '2025-07-07');
  assert.equal(date('Russia attacked Ukraine from 2014 to 2022.', { '2014': '2014', '2022': '2022' }, 'ASSAULT'), '2025-07-07');
  // A relative clause's time belongs to its own verb.
  assert.equal(date('Zelensky, who was in Turkey on Tuesday, met Trump.', { Tuesday: '2025-07-01' }, 'CONSULT'), '2025-07-07');
  assert.equal(date('A meeting between Trump and Putin that Zelensky mentioned last month was held.', { 'last month': '2025-06' }, 'CONSULT'), '2025-07-07');
  // …but "an attack that killed 12 people on Monday" is still Monday's attack.
  assert.equal(date('Russia launched an attack on Ukraine that killed 12 people on Monday.', { Monday: '2025-07-06' }, 'ASSAULT'), '2025-07-06');
  // A parenthetical's time does not date the clause around it.
  assert.equal(date('Trump met Putin (their last talks were in March) again.', { March: '2025-03' }, 'CONSULT'), '2025-07-07');
});

test('dates: a year far from the article dates a past event only when it locates the trigger', () => {
  const date = (text: string, times: Record<string, string>) => code(text, times).find((e) => e.type === 'ASSAULT')?.date;
  assert.equal(date('In 2014, Russia attacked Ukraine.', { '2014': '2014' }), '2014');
  assert.equal(date('Russia attacked Ukraine in 2014.', { '2014': '2014' }), '2014');
  // The year belongs to another verb: suspect, the article's date instead.
  assert.equal(date('Russia attacked Ukraine, a campaign it had planned in 2014.', { '2014': '2014' }), '2025-07-07');
  // Near the article's date a month is fine as it is.
  assert.equal(date('Russia attacked Ukraine in a campaign it had planned in June.', { June: '2025-06' }), '2025-06');
});

test('dates: an asserted event is never after the article; a planned one may be', () => {
  assert.equal(code('Russia attacked Ukraine on Friday.', { Friday: '2025-07-11' })[0].date, '2025-07-07');
  const planned = code('Russia will attack Ukraine on Friday.', { Friday: '2025-07-11' })[0];
  assert.deepEqual([planned.modality, planned.date], ['planned', '2025-07-11']);
  // A year-only value holding the article's date is not "after" it.
  assert.equal(code('Russia attacked Ukraine this year.', { 'this year': '2025' })[0].date, '2025');
});
