// The five seed reports through the whole product path (cleaning, language stages, quotes):
// every quoted statement found, with the right speaker actor and cue, and nothing else quoted
// attributed (no scare quote or title).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createDefaultPipeline, prepare, type Document } from '../src/index.js';
import { SKIP_SHARED, sharedPath } from './shared.js';

type Expect = [words: string, actor: string, cue: string | RegExp];

const SEEDS: Record<string, Expect[]> = {
  '000_68edfcb621194fc7.txt': [
    ['great team in sports', 'donald-trump', 'posted'],
    ['Interesting times ahead', 'donald-trump', 'posted'],
    ['On the positive side', 'thomas-graham', 'said'],
    ['quite clear that the president', 'thomas-graham', 'said'],
    ['The Russians think time is on their side', 'nate-reynolds', 'said'],
    ['no hurry to negotiate', 'nate-reynolds', 'said'],
    ['I think he wants to make a deal for me', 'donald-trump', 'told'],
    ['As crazy as it sounds', 'donald-trump', 'told'],
    ['That suggests he realizes', 'alexander-vershbow', 'said'],
    ['no weapons in the pipeline', 'alexander-vershbow', 'said'],
    ['You have my assurance', 'donald-trump', 'said'],
    ['making an observation', 'karoline-leavitt', 'saying'],
    ['I disagree very vehemently', 'donald-trump', 'told'],
    ['Why are we doing that?', 'donald-trump', 'told'],
    ['muddling along in Ukraine', 'fiona-hill', 'said'],
    ['The Russians use terms', 'fiona-hill', 'said'],
    ['We are where we were two weeks ago', 'kurt-volker', 'said'],
    ['never going to be an agreement', 'kurt-volker', 'said'],
  ],
  '001_f9bbe1fcd88cdc3b.txt': [
    ['We get a lot of bulls', 'donald-trump', 'said'],
    ['nice', 'donald-trump', /^(?:said|adding)$/],
    ['they have to be able to defend themselves', 'donald-trump', 'said'],
    ['It is obvious that the Europeans', 'dmitry-peskov', 'said'],
    ['These actions are most likely not in line', 'dmitry-peskov', 'said'],
    ['The hawks in Putin', 'abbas-gallyamov', 'said'],
    ['Even if they are pretending', 'abbas-gallyamov', 'said'],
    ['root causes', 'RUS', 'saying'],
    ['clearly touched by it', 'steve-witkoff', 'said'],
    ['Do me a favor', 'donald-trump', ':'],
    ["I don't think he's there", 'donald-trump', 'said'],
    ["I'm just saying", 'donald-trump', 'said'],
    ["I wouldn't be telling you", 'donald-trump', 'said'],
    ['Trump is now inclined toward Ukraine', 'tatiana-stanovaya', 'said'],
    ["Russia hasn't changed its position", 'tatiana-stanovaya', 'said'],
  ],
  '002_2c1112b90513d27d.txt': [
    ['in the middle of peace talks', 'donald-trump', 'told'],
    ['Vladimir, STOP!', 'donald-trump', ':'],
    ['It takes two to make peace', 'donald-trump', /^(?:insisted|adding)$/],
    ['a big concession', 'donald-trump', /^(?:argued|calling)$/],
    ['Ask me in a week', 'donald-trump', 'said'],
    ['Russia remains the greatest long-term challenge', 'mark-rutte', 'told'],
    ['Ukraine is willing to engage', 'mark-rutte', 'said'],
    ['the ball is in Russia’s court', 'mark-rutte', 'said'],
  ],
  '003_dde54d7ec6dc5d73.txt': [
    ['very disappointed', 'donald-trump', 'said'],
    ['didn’t make any progress', 'donald-trump', 'said'],
    ['I’m not happy about that', 'donald-trump', 'told'],
    ['I don’t think he’s looking to stop', 'donald-trump', 'added'],
    ['root causes', 'vladimir-putin', 'calls'],
  ],
  '004_4e6a2d03944ea50d.txt': [
    ['absolutely crazy', 'donald-trump', 'branding'],
    ['emotional overload', 'dmitry-peskov', 'dismissed'],
  ],
};

// Reported speech the seeds hold, a sample: [words in the content, actor, cue].
const REPORTED: Record<string, Expect[]> = {
  '000_68edfcb621194fc7.txt': [['new long-range cruise missile was being produced', 'volodymyr-zelensky', 'said']],
  '001_f9bbe1fcd88cdc3b.txt': [['Moscow was committed to its goals', 'vladimir-putin', 'told']],
  '004_4e6a2d03944ea50d.txt': [['Western nations have lifted restrictions', 'friedrich-merz', 'confirmed']],
};

let pipeline: ReturnType<typeof createDefaultPipeline> | null = null;
function run(file: string): Document {
  pipeline ??= createDefaultPipeline();
  const content = readFileSync(sharedPath('seeds', file), 'utf8');
  return pipeline.run(prepare({ source: file, format: 'text', content }));
}

for (const [file, expected] of Object.entries(SEEDS)) {
  test(`seed ${file}: every quoted statement, its speaker and cue; nothing else quoted is attributed`, { skip: SKIP_SHARED }, () => {
    const doc = run(file);
    const direct = doc.quotes.filter((q) => q.direct);
    for (const [words, actor, cue] of expected) {
      const q = direct.find((x) => x.text.includes(words));
      assert.ok(q, `${file}: no quote holding "${words}"`);
      assert.equal(q.actor, actor, `${file}: speaker of "${words}" (span "${q.speaker?.text}")`);
      assert.equal(doc.text.slice(q.start, q.end), q.text);
      if (typeof cue === 'string') assert.equal(q.cue?.text, cue, `${file}: cue of "${words}"`);
      else assert.match(q.cue?.text ?? '', cue, `${file}: cue of "${words}"`);
    }
    const unexpected = direct.filter((q) => q.actor && !expected.some(([words]) => q.text.includes(words)));
    assert.deepEqual(unexpected.map((q) => q.text), [], `${file}: attributed quotations nobody said (scare quotes, titles)`);
    for (const [words, actor, cue] of REPORTED[file] ?? []) {
      const q = doc.quotes.find((x) => !x.direct && x.text.includes(words) && x.actor === actor);
      assert.ok(q, `${file}: reported speech "${words}" by ${actor}`);
      assert.equal(q.cue?.text, cue);
    }
  });
}
