// The seeds (../shared/seeds): who is behind every mention of the main actors, including the
// pronouns and role descriptions that head speech, and the date of every relative time expression.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Document } from '../src/document.js';
import { prepare } from '../src/ingest/prepare.js';
import { createPipeline } from '../src/pipeline.js';
import { actorsStage } from '../src/nlp/actors.js';
import { entitiesStage } from '../src/nlp/entities.js';
import { timesStage } from '../src/nlp/times.js';
import { tokensStage } from '../src/nlp/tokens.js';
import { SKIP_SHARED, hasShared, sharedPath } from './shared.js';

const NAMES: Record<string, string> = {
  Trump: 'donald-trump', Putin: 'vladimir-putin', Zelensky: 'volodymyr-zelensky', Peskov: 'dmitry-peskov',
  Medvedev: 'dmitry-medvedev', Merz: 'friedrich-merz', Rutte: 'mark-rutte', Macron: 'emmanuel-macron',
  Bessent: 'scott-bessent', Witkoff: 'steve-witkoff',
};
const T = NAMES.Trump, P = NAMES.Putin;

// [context in the text, the mention inside it, its actor]
const REFERENCES: Record<string, [string, string, string][]> = {
  '000': [
    ['By Thursday, he was saying', 'he', T],
    ['That large-scale program, he said', 'he', NAMES.Zelensky],
    ['The U.S. president, former aides said', 'The U.S. president', T],
    ['closely observed the Russian leader', 'the Russian leader', P],
    ['the president did not understand', 'the president', T],
    ['including Putin," she said', 'she', 'fiona-hill'],
    ['saying he was merely', 'he', T],
    ['He hasn’t targeted China', 'He', T],
    ['that he was on the verge', 'he', T],
  ],
  '001': [
    ['by Putin," he said', 'he', T],
    ['adding that the Russian leader', 'the Russian leader', P],
    ['He said Monday', 'He', T],
    ['defend themselves," he said', 'he', T],
    ['with weapons," he said', 'he', NAMES.Peskov],
    ["Russia's hawkish former president", "Russia's hawkish former president", NAMES.Medvedev],
    ['He echoed Trump', 'He', P],
    ['Should he press his advantage', 'he', P],
    ['there," he said of Putin', 'he', T],
    ['telling you," he said', 'he', T],
    ['no one knows," she said', 'she', 'tatiana-stanovaya'],
  ],
  '002': [
    ['peace talks,” he told reporters', 'he', T],
    ['He has accused Zelensky', 'He', T],
    ['“Ask me in a week,” he said', 'he', T],
    ['Rutte told reporters. He noted', 'He', NAMES.Rutte],
    ['willing to engage,” he said', 'he', NAMES.Rutte],
    ['appeal to the Russian leader', 'the Russian leader', P],
  ],
  '003': [
    ['but the Russian keeps', 'the Russian', P],
    ['stringing the American along', 'the American', T],
    ['Mr. Trump said he was', 'he', T],
    ['the war, he added of Mr. Putin', 'he', T],
    ['The Russian has been consistent', 'The Russian', P],
    ['He wants Kyiv', 'He', P],
  ],
  '004': [['Putin has made clear he seeks', 'he', P]],
};

// [context, time expression inside it, value or value..endValue]
const TIMES: Record<string, [string, string, string | null][]> = {
  '000': [
    ['On Monday, President Trump', 'Monday', '2025-08-18'],
    ['By Thursday, he', 'Thursday', '2025-08-21'],
    ['social-media post Thursday', 'Thursday', '2025-08-21'],
    ['On Monday, Trump voiced', 'Monday', '2025-08-18'],
    ['Trump said Tuesday', 'Tuesday', '2025-08-19'],
    ['vowing last year', 'last year', '2024'],
    ['Time magazine in December', 'December', '2024-12'],
    ['the end of December or early next year', 'the end of December or early next year', '2025-12..2026'],
    ['take effect next week', 'next week', '2025-08-25..2025-08-31'],
    ['This week, Treasury', 'This week', '2025-08-18..2025-08-24'],
    ['were two weeks ago', 'two weeks ago', '2025-08-08'],
    ['six months ago', 'six months ago', '2025-02'],
    ['the past seven months', 'the past seven months', '2025-01..2025-08'],
  ],
  '001': [
    ['reported on Tuesday', 'Tuesday', '2025-07-08'],
    ['On Tuesday, Trump gave', 'Tuesday', '2025-07-08'],
    ['He said Monday', 'Monday', '2025-07-07'],
    ['On Tuesday, the Kremlin', 'Tuesday', '2025-07-08'],
    ['re-elected in November', 'November', '2024-11'],
    ['his life last July', 'last July', '2024-07'],
    ['Saudi Arabia in February', 'February', '2025-02'],
    ['president in March', 'March', '2025-03'],
    ['A call last week', 'last week', '2025-06-30..2025-07-06'],
    ['On Tuesday, he wouldn', 'Tuesday', '2025-07-08'],
  ],
  '003': [
    ['by phone on Thursday', 'Thursday', '2025-07-03'],
    ['White House last week', 'last week', '2025-06-30..2025-07-06'],
    ['by voting this week', 'this week', '2025-07-07..2025-07-13'],
  ],
};

const pipeline = createPipeline([tokensStage, entitiesStage, actorsStage, timesStage]);
const seeds: Map<string, Document> = new Map();
if (hasShared) {
  for (const f of readdirSync(sharedPath('seeds')).sort()) {
    const raw = { source: f, format: 'text' as const, content: readFileSync(sharedPath('seeds', f), 'utf8') };
    seeds.set(f.slice(0, 3), pipeline.run(prepare(raw)));
  }
}

function locate(doc: Document, context: string, inner: string): number {
  const at = doc.text.indexOf(context);
  assert.ok(at >= 0, `context "${context}" not in the cleaned text`);
  const esc = inner.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const off = context.search(new RegExp(`(?<![\\p{L}])${esc}(?![\\p{L}])`, 'u'));
  assert.ok(off >= 0, `"${inner}" not in "${context}"`);
  return at + off;
}

for (const key of ['000', '001', '002', '003', '004']) {
  test(`seed ${key}: every mention of the main actors resolves to the right actor`, { skip: SKIP_SHARED }, () => {
    const doc = seeds.get(key)!;
    for (const [name, id] of Object.entries(NAMES)) {
      for (const m of doc.text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))) {
        const men = doc.mentions.find((x) => x.start <= m.index! && m.index! < x.end);
        assert.equal(men?.actor, id, `${name} at ${m.index}: "${doc.text.slice(m.index! - 30, m.index! + 30)}"`);
      }
    }
    for (const [context, inner, id] of REFERENCES[key] ?? []) {
      const at = locate(doc, context, inner);
      const men = doc.mentions.find((x) => x.start === at && x.end === at + inner.length);
      assert.equal(men?.actor, id, `"${inner}" in "${context}"`);
    }
  });
  test(`seed ${key}: relative time expressions resolve against the article date`, { skip: SKIP_SHARED }, () => {
    const doc = seeds.get(key)!;
    for (const [context, inner, value] of TIMES[key] ?? []) {
      const at = locate(doc, context, inner);
      const t = doc.times.find((x) => x.start === at && x.end === at + inner.length);
      assert.ok(t, `no time expression "${inner}" in "${context}"`);
      assert.equal(t.endValue ? `${t.value}..${t.endValue}` : t.value, value, `"${inner}" in "${context}"`);
    }
    // Articles without a date: relative expressions stay unresolved.
    if (!doc.published) for (const t of doc.times) if (!/\d{4}/.test(t.text)) assert.equal(t.value, null, t.text);
  });
}
