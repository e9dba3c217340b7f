// `npm run eval -- ner [train] [--no-compromise] [--errors N]`: PER/ORG/LOC exact-span F1 of the
// entities stage on CoNLL-2003 eng.testa (eng.train with `train`, for tuning), with compromise's
// score on the same text beside it. COUNTRY and LOCATION count as LOC; GROUP and MISC are ignored.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { emptyDocument } from '../src/document.js';
import { createPipeline } from '../src/pipeline.js';
import { entitiesStage } from '../src/nlp/entities.js';
import { tokensStage } from '../src/nlp/tokens.js';

type Label = 'PER' | 'ORG' | 'LOC';
interface SpanL {
  start: number;
  end: number;
  type: Label;
}
interface Doc {
  text: string;
  gold: SpanL[];
}

const here = new URL('.', import.meta.url).pathname;

/** CoNLL sentences → documents whose text is the tokens joined by spaces, one sentence a line. */
function readConll(path: string): Doc[] {
  const docs: Doc[] = [];
  const sentences: { tokens: string[]; tags: string[] }[] = [];
  let cur = { tokens: [] as string[], tags: [] as string[] };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) {
      if (cur.tokens.length) sentences.push(cur);
      cur = { tokens: [], tags: [] };
      continue;
    }
    const parts = line.split(' ');
    if (parts[0] === '-DOCSTART-') {
      sentences.push({ tokens: ['-DOCSTART-'], tags: ['O'] });
      continue;
    }
    cur.tokens.push(parts[0]);
    cur.tags.push(parts[parts.length - 1]);
  }
  if (cur.tokens.length) sentences.push(cur);
  // Documents start at -DOCSTART- or, where the file has none, at a headline followed by a
  // dateline ("LONDON 1996-08-30").
  let doc: { text: string; gold: SpanL[] } = { text: '', gold: [] };
  const flush = () => {
    if (doc.text) docs.push(doc);
    doc = { text: '', gold: [] };
  };
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (s.tokens[0] === '-DOCSTART-') {
      flush();
      continue;
    }
    const next = sentences[i + 1];
    if (next && /^\d{4}-\d{2}-\d{2}$/.test(next.tokens[next.tokens.length - 1]) && next.tokens.length <= 6) flush();
    if (doc.text) doc.text += '\n';
    let prevType = 'O';
    let open: SpanL | null = null;
    for (let k = 0; k < s.tokens.length; k++) {
      if (k) doc.text += ' ';
      const start = doc.text.length;
      doc.text += s.tokens[k];
      const tag = s.tags[k];
      const type = tag === 'O' ? 'O' : tag.slice(2);
      const begins = tag.startsWith('B-') || type !== prevType;
      if (open && (type === 'O' || begins)) open = null;
      if (type !== 'O' && begins) {
        open = type === 'PER' || type === 'ORG' || type === 'LOC' ? { start, end: doc.text.length, type } : null;
        if (open) doc.gold.push(open);
      } else if (open) open.end = doc.text.length;
      prevType = type;
    }
  }
  flush();
  return docs;
}

interface Counts {
  tp: Record<Label, number>;
  fp: Record<Label, number>;
  fn: Record<Label, number>;
}
const zero = (): Record<Label, number> => ({ PER: 0, ORG: 0, LOC: 0 });

function score(c: Counts, gold: SpanL[], pred: SpanL[]): void {
  const key = (s: SpanL) => `${s.start}:${s.end}:${s.type}`;
  const g = new Set(gold.map(key));
  const p = new Set(pred.map(key));
  for (const s of pred) (g.has(key(s)) ? c.tp : c.fp)[s.type]++;
  for (const s of gold) if (!p.has(key(s))) c.fn[s.type]++;
}

function f1(tp: number, fp: number, fn: number): { p: number; r: number; f: number } {
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

function report(name: string, c: Counts): Record<string, number> {
  const out: Record<string, number> = {};
  const all = { tp: 0, fp: 0, fn: 0 };
  const cells: string[] = [];
  for (const t of ['PER', 'ORG', 'LOC'] as Label[]) {
    const s = f1(c.tp[t], c.fp[t], c.fn[t]);
    out[t] = s.f;
    cells.push(`${t} ${s.f.toFixed(3)} (P ${s.p.toFixed(2)} R ${s.r.toFixed(2)})`);
    all.tp += c.tp[t];
    all.fp += c.fp[t];
    all.fn += c.fn[t];
  }
  out.ALL = f1(all.tp, all.fp, all.fn).f;
  console.log(`${name.padEnd(10)} overall F1 ${out.ALL.toFixed(3)}   ${cells.join('   ')}`);
  return out;
}

const TYPE: Record<string, Label | undefined> = { PERSON: 'PER', ORG: 'ORG', COUNTRY: 'LOC', LOCATION: 'LOC' };

export default async function run(args: string[]): Promise<void> {
  const file = args.includes('train') ? 'eng.train' : 'eng.testa';
  const withCompromise = !args.includes('--no-compromise');
  const errIdx = args.indexOf('--errors');
  const showErrors = errIdx >= 0 ? Number(args[errIdx + 1] ?? 30) : 0;
  const docs = readConll(join(here, '..', '..', 'shared', 'corpora', 'conll2003', file));
  const pipeline = createPipeline([tokensStage, entitiesStage]);
  const ours: Counts = { tp: zero(), fp: zero(), fn: zero() };
  const theirs: Counts = { tp: zero(), fp: zero(), fn: zero() };
  const errors: string[] = [];
  let ms = 0;
  const why = args.includes('--why') ? new Map<string, string[]>() : null;
  for (const d of docs) {
    const t0 = performance.now();
    const doc = pipeline.run(emptyDocument({ id: 'conll', text: d.text }));
    ms += performance.now() - t0;
    const pred: SpanL[] = [];
    for (const e of doc.entities) {
      const type = TYPE[e.type];
      if (type) pred.push({ start: e.start, end: e.end, type });
    }
    score(ours, d.gold, pred);
    if (why) {
      for (const g of d.gold) {
        if (pred.some((p) => p.start === g.start && p.end === g.end && p.type === g.type)) continue;
        const o = doc.entities.find((e) => e.start < g.end && g.start < e.end);
        const k = !o ? 'none' : o.start === g.start && o.end === g.end ? `same-span:${o.type}:${o.source}` : `overlap:${o.type}:${o.source}`;
        const key = `${g.type} ${k}`;
        const list = why.get(key) ?? [];
        list.push(d.text.slice(g.start, g.end) + (o && k.startsWith('overlap') ? ` [${o.text}]` : ''));
        why.set(key, list);
      }
    }
    if (showErrors) {
      const g = new Set(d.gold.map((s) => `${s.start}:${s.end}:${s.type}`));
      const p = new Set(pred.map((s) => `${s.start}:${s.end}:${s.type}`));
      for (const s of pred) if (!g.has(`${s.start}:${s.end}:${s.type}`)) errors.push(`FP ${s.type} ${d.text.slice(s.start, s.end)}`);
      for (const s of d.gold) if (!p.has(`${s.start}:${s.end}:${s.type}`)) errors.push(`FN ${s.type} ${d.text.slice(s.start, s.end)}`);
    }
    if (withCompromise) score(theirs, d.gold, compromiseSpans(d.text));
  }
  console.log(`CoNLL-2003 ${file}: ${docs.length} documents, ${docs.reduce((n, d) => n + d.gold.length, 0)} PER/ORG/LOC spans; exact-span F1`);
  const a = report('parley', ours);
  if (withCompromise) {
    const b = report('compromise', theirs);
    const beats = (['PER', 'ORG', 'LOC'] as const).every((t) => a[t] > b[t]);
    console.log(`bar: overall >= 0.80 ${a.ALL >= 0.8 ? 'MET' : 'NOT MET'}; above compromise on every type ${beats ? 'MET' : 'NOT MET'}`);
  }
  console.log(`parley tokens+entities: ${(ms / docs.length).toFixed(2)} ms/document`);
  if (why) {
    for (const [k, v] of [...why].sort((a, b) => b[1].length - a[1].length).slice(0, 25)) {
      console.log(`${v.length}\t${k}\t${v.slice(0, 12).join(' | ')}`);
    }
  }
  if (showErrors) {
    const counts = new Map<string, number>();
    for (const e of errors) counts.set(e, (counts.get(e) ?? 0) + 1);
    console.log([...counts].sort((x, y) => y[1] - x[1]).slice(0, showErrors).map(([e, n]) => `${n}\t${e}`).join('\n'));
  }
}

function compromiseSpans(text: string): SpanL[] {
  const doc = nlp(text);
  const out: SpanL[] = [];
  const take = (view: ReturnType<typeof doc.people>, type: Label) => {
    for (const m of view.json({ offset: true }) as { offset: { start: number; length: number } }[]) {
      let start = m.offset.start;
      let end = start + m.offset.length;
      // compromise's spans may carry punctuation and spaces at their edges.
      while (end > start && /[\s.,;:!?'"()]/.test(text[end - 1])) end--;
      while (start < end && /[\s'"(]/.test(text[start])) start++;
      if (end > start) out.push({ start, end, type });
    }
  };
  take(doc.people(), 'PER');
  take(doc.organizations(), 'ORG');
  take(doc.places(), 'LOC');
  return out;
}
