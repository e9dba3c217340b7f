import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { emptyDocument, type Document, type Mention, type Quote } from '../document.js';
import { createDefaultPipeline } from '../stages.js';
import { findQuotedSpans } from './quote-marks.js';
import { quotesStage } from './quotes.js';
import { inflect, loadSpeechLexicon } from './speech-lexicon.js';

const stage = quotesStage({});

/** A document with hand-made layers: mentions for the given names, nothing else. */
function doc(text: string, names: Record<string, string> = {}, extra: Partial<Document> = {}): Document {
  const d = emptyDocument({ id: 't', text, published: '2025-08-22' });
  const mentions: Mention[] = [];
  for (const [name, actor] of Object.entries(names)) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      const before = text[i - 1];
      const after = text[i + name.length];
      if ((before && /\w/.test(before)) || (after && /\w/.test(after))) continue;
      const pronoun = /^(?:he|she|He|She|they|They)$/.test(name);
      mentions.push({ start: i, end: i + name.length, text: name, actor, type: 'PERSON', kind: pronoun ? 'pronoun' : 'name' });
    }
  }
  Object.assign(d, extra);
  d.mentions = mentions.sort((a, b) => a.start - b.start);
  stage.run(d);
  return d;
}

const find = (d: Document, words: string) => d.quotes.find((q) => q.text.includes(words));
function expectQuote(d: Document, words: string): Quote {
  const q = find(d, words);
  assert.ok(q, `no quote holding "${words}" in ${JSON.stringify(d.quotes.map((x) => x.text))}`);
  return q;
}

test('straight, curly and mixed marks; the speaker after the first part carries to the second', () => {
  const d = doc('“It’s like a great team in sports that has a fantastic defense," Trump posted on social media. “Interesting times ahead!!!"', { Trump: 'donald-trump' });
  const a = expectQuote(d, 'great team');
  assert.equal(a.direct, true);
  assert.equal(a.text, 'It’s like a great team in sports that has a fantastic defense,');
  assert.equal(a.speaker?.text, 'Trump');
  assert.equal(a.actor, 'donald-trump');
  assert.equal(a.cue?.text, 'posted');
  assert.equal(a.channel, 'on social media');
  const b = expectQuote(d, 'Interesting times');
  assert.equal(b.actor, 'donald-trump');
  assert.equal(b.text, 'Interesting times ahead!!!');
});

test('offsets index the text and exclude the marks', () => {
  const text = 'Peskov said: "We are ready."';
  const q = expectQuote(doc(text, { Peskov: 'dmitry-peskov' }), 'ready');
  assert.equal(text.slice(q.start, q.end), q.text);
  assert.equal(q.text, 'We are ready.');
  assert.equal(q.actor, 'dmitry-peskov');
});

test('a quotation running over paragraphs keeps its speaker', () => {
  const text = [
    '“We will not give up our land. We have said it many times, and we will keep saying it,” Zelensky said. “Ukraine wants peace,',
    '“but not a peace that rewards the aggressor.”',
    'The talks resume next week.',
  ].join('\n\n');
  const d = doc(text, { Zelensky: 'volodymyr-zelensky' });
  const spans = findQuotedSpans(text);
  assert.equal(spans.length, 3);
  assert.equal(spans[1].runsOn, true);
  assert.equal(spans[2].continued, true);
  for (const words of ['give up our land', 'Ukraine wants peace', 'rewards the aggressor']) assert.equal(expectQuote(d, words).actor, 'volodymyr-zelensky', words);
});

test('a quote paragraph without attribution continues the previous speaker', () => {
  const text = '“Russia remains the greatest long-term challenge,” Rutte told reporters.\n\n“Now the ball is in Russia’s court.”';
  const q = expectQuote(doc(text, { Rutte: 'mark-rutte' }), 'ball is in');
  assert.equal(q.actor, 'mark-rutte');
});

test('a partial quote inside narrative belongs to the subject of the verb', () => {
  const d = doc('Israel called the death a “significant security achievement” on Sunday.', { Israel: 'ISR' });
  const q = expectQuote(d, 'significant security achievement');
  assert.equal(q.speaker?.text, 'Israel');
  assert.equal(q.actor, 'ISR');
  assert.equal(q.cue?.text, 'called');
});

test('scare quotes and quoted titles are not statements', () => {
  const d = doc('The so-called “peace plan” was discussed on “Face the Nation” as officials weighed the “coalition of the willing.”', {});
  assert.deepEqual(d.quotes.filter((q) => q.direct && q.actor), []);
  assert.equal(find(d, 'peace plan'), undefined);
  assert.equal(find(d, 'Face the Nation'), undefined);
});

test('the speaker inside and after the quotation, inverted', () => {
  const d = doc('“On the positive side, people are talking about real things,” said Thomas Graham, a former senior official. “It is quite clear.”', { 'Thomas Graham': 'thomas-graham' });
  const a = expectQuote(d, 'positive side');
  assert.equal(a.speaker?.text, 'Thomas Graham, a former senior official');
  assert.equal(a.actor, 'thomas-graham');
  assert.equal(expectQuote(d, 'quite clear').actor, 'thomas-graham');
});

test('reported speech: said that, told reporters, according to, trailing attribution', () => {
  const d = doc(
    [
      'Kremlin spokesman Dmitry Peskov told reporters that the talks had been constructive.',
      'According to the Kremlin, Putin told Trump that Moscow was committed to its goals.',
      'The program was expected to finish by December, Zelensky said.',
    ].join(' '),
    { 'Dmitry Peskov': 'dmitry-peskov', Putin: 'vladimir-putin', Trump: 'donald-trump', Zelensky: 'volodymyr-zelensky' },
  );
  const told = expectQuote(d, 'talks had been constructive');
  assert.equal(told.direct, false);
  assert.equal(told.text, 'the talks had been constructive');
  assert.equal(told.speaker?.text, 'Kremlin spokesman Dmitry Peskov');
  assert.equal(told.actor, 'dmitry-peskov');
  assert.equal(told.cue?.text, 'told');
  const acc = d.quotes.find((q) => q.cue?.text === 'According to');
  assert.ok(acc);
  assert.equal(acc.speaker?.text, 'the Kremlin');
  const putin = d.quotes.find((q) => q.actor === 'vladimir-putin');
  assert.ok(putin, 'Putin told Trump …');
  assert.equal(putin.text, 'Moscow was committed to its goals');
  assert.ok(putin.about.includes('donald-trump'), 'the addressee is what it is about');
  const trailing = expectQuote(d, 'expected to finish');
  assert.equal(trailing.actor, 'volodymyr-zelensky');
  assert.equal(trailing.cue?.text, 'said');
});

test('speech verbs: warned, insisted, denied, and a speaker with an apposition or a relative clause', () => {
  const d = doc(
    [
      'The state’s campaign chairman, Phil Lovas, said he cannot comment on the letter.',
      'Medvedev, who chairs the security council, warned that Europe would pay a price.',
      'The ministry denied that any civilians had been hit.',
    ].join(' '),
    { 'Phil Lovas': 'phil-lovas', Medvedev: 'dmitry-medvedev' },
  );
  const lovas = expectQuote(d, 'cannot comment');
  assert.equal(lovas.speaker?.text, 'The state’s campaign chairman, Phil Lovas');
  assert.equal(lovas.actor, 'phil-lovas');
  const warned = expectQuote(d, 'Europe would pay');
  assert.equal(warned.actor, 'dmitry-medvedev');
  assert.equal(warned.cue?.text, 'warned');
  assert.match(warned.speaker?.text ?? '', /^Medvedev, who chairs the security council/);
  const denied = expectQuote(d, 'civilians had been hit');
  assert.equal(denied.speaker?.text, 'The ministry');
  assert.equal(denied.actor, null, 'no mention layer for the ministry: span without actor');
});

test('without mention layers the speaker span is still found, with no actor', () => {
  const d = doc('“We are ready to talk,” the foreign minister said.');
  const q = expectQuote(d, 'ready to talk');
  assert.equal(q.speaker?.text, 'the foreign minister');
  assert.equal(q.actor, null);
});

test('a pronoun speaker takes the actor of its pronoun mention', () => {
  const d = doc('Trump spoke on Tuesday. “We get a lot of bull thrown at us by Putin,” he said during a cabinet meeting.', { Trump: 'donald-trump', he: 'donald-trump', Putin: 'vladimir-putin' });
  const q = expectQuote(d, 'thrown at us');
  assert.equal(q.speaker?.text, 'he');
  assert.equal(q.actor, 'donald-trump');
  assert.equal(q.channel, 'during a cabinet meeting');
  assert.deepEqual(q.about, ['vladimir-putin']);
});

test('the utterance date comes from a time in the attribution, else the article date', () => {
  const text = 'Trump told Time magazine in December that he disagreed with sending missiles into Russia.';
  const at = text.indexOf('in December');
  const d = doc(text, { Trump: 'donald-trump' }, { times: [{ start: at + 3, end: at + 11, text: 'December', value: '2024-12' }] });
  const q = expectQuote(d, 'disagreed');
  assert.equal(q.date, '2024-12');
  assert.equal(q.actor, 'donald-trump');
  const plain = doc('Trump said the talks would resume on Monday.', { Trump: 'donald-trump' }, { times: [] });
  assert.equal(expectQuote(plain, 'talks would resume').date, '2025-08-22');
});

test('a time inside the reported content is not the utterance date', () => {
  const text = 'Peskov said the meeting would take place on Friday.';
  const at = text.indexOf('on Friday');
  const d = doc(text, { Peskov: 'dmitry-peskov' }, { times: [{ start: at, end: at + 9, text: 'on Friday', value: '2025-08-29' }] });
  assert.equal(expectQuote(d, 'meeting would take place').date, '2025-08-22');
});

test('doubled apostrophes of archive text are quotation marks', () => {
  const d = doc("''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist.", { 'Douglas Holtz-Eakin': 'douglas-holtz-eakin' });
  const q = expectQuote(d, 'tax reform');
  assert.equal(q.text, "This isn't tax reform,");
  assert.equal(q.actor, 'douglas-holtz-eakin');
});

test('a dash after a quotation names its speaker', () => {
  const d = doc('“He can’t even answer a question without scaring people.”― Esther Tapia', { 'Esther Tapia': 'esther-tapia' });
  assert.equal(expectQuote(d, 'answer a question').actor, 'esther-tapia');
});

test('nouns that look like cues are not cues', () => {
  const d = doc('Trump’s hopes for a summit have faded. The claim that talks stalled is wrong.', { Trump: 'donald-trump' });
  assert.deepEqual(d.quotes, []);
});

test('the lexicon inflects regular verbs and takes user extensions', () => {
  assert.deepEqual(inflect('argue'), ['argue', 'argues', 'argued', 'arguing']);
  assert.deepEqual(inflect('deny'), ['deny', 'denies', 'denied', 'denying']);
  const dir = mkdtempSync(join(tmpdir(), 'parley-speech-'));
  const file = join(dir, 'mine.yaml');
  writeFileSync(file, 'verbs:\n  - opine\n');
  assert.equal(loadSpeechLexicon().forms.get('opined'), undefined);
  assert.equal(loadSpeechLexicon([file]).forms.get('opined'), 'speech');
  const d = emptyDocument({ id: 'x', text: 'The minister opined that sanctions were working.' });
  quotesStage({ lexicons: [file] }).run(d);
  assert.equal(d.quotes[0]?.text, 'sanctions were working');
  writeFileSync(file, 'verbs: [unclosed');
  assert.throws(() => loadSpeechLexicon([file]), /mine\.yaml: invalid YAML in speech lexicon/);
});

test('through the full pipeline, "he said" resolves to the person named before', () => {
  const d = createDefaultPipeline().run(
    emptyDocument({ id: 'p', published: '2025-07-09', text: 'Kremlin spokesman Dmitry Peskov spoke to reporters on Tuesday. “These actions are not in line with attempts to promote a peaceful settlement,” he said.' }),
  );
  const q = expectQuote(d, 'peaceful settlement');
  assert.equal(q.speaker?.text, 'he');
  assert.equal(q.actor, 'dmitry-peskov');
});

test('a speech noun whose owner speaks: "Trump’s claim that …"', () => {
  const d = doc('Fact-checkers examined Trump’s claim that there have been “thousands of shootings” in Chicago this year.', { Trump: 'donald-trump', Chicago: 'chicago' });
  const reported = d.quotes.find((q) => !q.direct);
  assert.ok(reported);
  assert.equal(reported.text, 'there have been “thousands of shootings” in Chicago this year');
  assert.equal(reported.actor, 'donald-trump');
  assert.equal(reported.cue?.text, 'claim');
  assert.deepEqual(reported.about, ['chicago']);
  assert.equal(expectQuote(d, 'thousands of shootings').actor, 'donald-trump');
});

test('any text: no throw, every span indexes the text, quotes inside it', async () => {
  const fc = await import('fast-check');
  const piece = fc.constantFrom('“', '”', '"', "''", ',', '.', ' ', '\n\n', ' said ', ' told reporters that ', 'According to ', ' Trump', ' he', ' the talks', ':', '—', '(R-Ga.)', ' who ', 'U.S.', '!');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      const d = doc(text, { Trump: 'donald-trump' });
      for (const q of d.quotes) {
        assert.ok(q.start >= 0 && q.end <= text.length && q.start < q.end);
        assert.equal(text.slice(q.start, q.end), q.text);
        for (const sp of [q.speaker, q.cue]) if (sp) assert.equal(text.slice(sp.start, sp.end), sp.text);
      }
    }),
    { numRuns: 300 },
  );
});
