// `npm run eval -- events [--errors]`: scores the events stage against the hand-annotated
// development gold set eval/gold/events.json (VOA stories by id, offsets only; the text comes
// from ../shared/corpora/voa). Prints precision, recall and F1 for type+source+target and for
// type alone, and the events stage's own time per article.
//
// Matching: a predicted event in the annotated region matches a gold event of the same type
// whose trigger it overlaps or whose sentence it shares. A role matches when both are empty,
// or when the predicted actor is the gold actor id or the actor the pipeline resolved for a
// mention overlapping the gold span. Symmetric types (CONSULT, COOPERATE, AGREE) may swap roles.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDefaultPipeline, emptyDocument, type Document, type Event } from '../src/index.js';
import { repoRoot, sharedPath } from '../test/shared.js';

interface GoldRole {
  id: string;
  span: [number, number];
}
interface GoldEvent {
  type: string;
  source: GoldRole | null;
  target: GoldRole | null;
  modality: string;
  date: string;
  trigger: [number, number];
}
interface GoldStory {
  id: string;
  annotated: [number, number];
  events: GoldEvent[];
  /** dev: used while writing the rules; heldout: annotated afterwards, never tuned on. */
  split?: 'dev' | 'heldout';
}

const SYMMETRIC = new Set(['CONSULT', 'COOPERATE', 'AGREE']);

function roleMatches(doc: Document, predicted: string | null, gold: GoldRole | null): boolean {
  if (!gold) return predicted === null;
  if (!predicted) return false;
  if (predicted === gold.id) return true;
  const byId = new Map(doc.actors.map((a) => [a.id, a]));
  return doc.mentions.some((m) => {
    if (m.start >= gold.span[1] || m.end <= gold.span[0]) return false;
    const a = byId.get(m.actor);
    return m.actor === predicted || (a?.type === 'LOCATION' && a.country === predicted);
  });
}

function sameSentence(doc: Document, p: Event, g: GoldEvent): boolean {
  return (p.trigger.start < g.trigger[1] && p.trigger.end > g.trigger[0]) || (p.sentence.start <= g.trigger[0] && g.trigger[0] < p.sentence.end);
}

function f1(tp: number, np: number, ng: number) {
  const p = np ? tp / np : 0;
  const r = ng ? tp / ng : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

export default async function run(args: string[]): Promise<void> {
  const showErrors = args.includes('--errors');
  const gold = JSON.parse(readFileSync(join(repoRoot, 'eval', 'gold', 'events.json'), 'utf8')) as { stories: GoldStory[] };
  const corpus = new Map<string, { text: string; published: string }>();
  for (const line of readFileSync(sharedPath('corpora', 'voa', 'voa_stories.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const s = JSON.parse(line);
    corpus.set(String(s.id), { text: s.text, published: String(s.published).slice(0, 10) });
  }
  const pipeline = createDefaultPipeline();
  const eventsStage = pipeline.stages.find((s) => s.name === 'events');
  let eventsMs = 0;
  const splits = new Map<string, { full: { tp: number }; type: { tp: number }; np: number; ng: number; stories: number }>();
  const errors: string[] = [];
  for (const story of gold.stories) {
    const src = corpus.get(story.id);
    if (!src) throw new Error(`eval/gold/events.json: story ${story.id} is not in voa_stories.jsonl`);
    const doc = emptyDocument({ id: story.id, text: src.text, published: src.published });
    for (const stage of pipeline.stages) {
      const t0 = performance.now();
      stage.run(doc);
      if (stage === eventsStage) eventsMs += performance.now() - t0;
    }
    const split = story.split ?? 'dev';
    if (!splits.has(split)) splits.set(split, { full: { tp: 0 }, type: { tp: 0 }, np: 0, ng: 0, stories: 0 });
    const counts = splits.get(split)!;
    counts.stories++;
    const [a, b] = story.annotated;
    const pred = doc.events.filter((e) => e.trigger.start >= a && e.trigger.start < b);
    counts.np += pred.length;
    counts.ng += story.events.length;
    for (const [key, withRoles] of [['type', false], ['full', true]] as const) {
      const used = new Set<number>();
      for (const g of story.events) {
        const i = pred.findIndex((p, k) => {
          if (used.has(k) || p.type !== g.type || !sameSentence(doc, p, g)) return false;
          if (!withRoles) return true;
          const direct = roleMatches(doc, p.source, g.source) && roleMatches(doc, p.target, g.target);
          const swapped = SYMMETRIC.has(g.type) && roleMatches(doc, p.source, g.target) && roleMatches(doc, p.target, g.source);
          return direct || swapped;
        });
        if (i >= 0) {
          used.add(i);
          counts[key].tp++;
        } else if (withRoles && showErrors) {
          const t = (r: GoldRole | null) => (r ? `${r.id}` : '-');
          errors.push(`miss ${story.id} ${g.type} ${t(g.source)}→${t(g.target)} “${src.text.slice(g.trigger[0], g.trigger[1])}”`);
        }
      }
      if (withRoles && showErrors)
        pred.forEach((p, k) => {
          if (!used.has(k)) errors.push(`extra ${story.id} ${p.type} ${p.source ?? '-'}→${p.target ?? '-'} “${p.trigger.text}” | ${src.text.slice(p.sentence.start, p.sentence.end).slice(0, 120)}`);
        });
    }
  }
  const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
  const all = { full: { tp: 0 }, type: { tp: 0 }, np: 0, ng: 0, stories: 0 };
  for (const c of splits.values()) {
    all.full.tp += c.full.tp;
    all.type.tp += c.type.tp;
    all.np += c.np;
    all.ng += c.ng;
    all.stories += c.stories;
  }
  for (const [name, c] of [...splits, ['all', all] as const]) {
    const full = f1(c.full.tp, c.np, c.ng);
    const type = f1(c.type.tp, c.np, c.ng);
    console.log(`${name}: ${c.stories} VOA stories, ${c.ng} gold events, ${c.np} predicted in the annotated regions`);
    console.log(`  type+source+target  P ${pct(full.p)}  R ${pct(full.r)}  F1 ${pct(full.f)}`);
    console.log(`  type alone          P ${pct(type.p)}  R ${pct(type.r)}  F1 ${pct(type.f)}`);
  }
  console.log(`events stage: ${(eventsMs / gold.stories.length).toFixed(2)} ms/article (whole stories)`);
  if (showErrors) for (const e of errors) console.log(e);
}
