// `npm run eval -- html [--show N]`: article-body extraction on ../shared/corpora/article-extraction
// (88 pages with hand-checked bodies), scored with that benchmark's own metric: tokens are \w+
// runs, 4-token shingles, per-page TP/FP/FN over shingle multisets normalised by their sum,
// precision and recall averaged over pages, F1 from the averages. Parley's HTML reader is
// printed beside plain Readability.js (over the same linkedom DOM, textContent as the benchmark
// runs it). Bar: F1 >= 0.96.
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtmlArticle } from '../src/ingest/html.js';
import { parseMessyText } from '../src/ingest/messy-text.js';

type Counts = [number, number, number];

const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const s = tokens.slice(i, i + n);
    if (!s.length) continue;
    const k = s.join('\u0001');
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

export function shingleMatch(truth: string, pred: string): Counts {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0, fp = 0, fn = 0;
  for (const k of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(k) ?? 0;
    const b = p.get(k) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

export function score(all: Counts[]): { precision: number; recall: number; f1: number } {
  const prec = all.filter(([tp, fp]) => tp + fp > 0).map(([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp / (tp + fp)));
  const rec = all.filter(([tp, , fn]) => tp + fn > 0).map(([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp / (tp + fn)));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const precision = mean(prec);
  const recall = mean(rec);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

function readability(html: string): string {
  const { document } = parseHTML(html);
  return new Readability(document as unknown as Document).parse()?.textContent ?? '';
}

function parley(html: string, url: string): string {
  const a = extractHtmlArticle(html, url);
  return parseMessyText(a.text, { title: a.meta.title, web: true }).text;
}

export default async function run(args: string[]): Promise<void> {
  const dir = join(process.cwd(), '..', 'shared', 'corpora', 'article-extraction');
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const showIdx = args.indexOf('--show');
  const show = showIdx >= 0 ? Number(args[showIdx + 1] ?? 10) : 0;
  const files = readdirSync(join(dir, 'html')).filter((f) => f.endsWith('.html.gz')).sort();
  const ours: Counts[] = [];
  const base: Counts[] = [];
  const rows: { key: string; f: number; b: number }[] = [];
  const t0 = performance.now();
  let ourMs = 0;
  for (const f of files) {
    const key = f.replace(/\.html\.gz$/, '');
    if (!truth[key]) continue;
    const html = gunzipSync(readFileSync(join(dir, 'html', f))).toString('utf8');
    const s = performance.now();
    let text = '';
    try {
      text = parley(html, truth[key].url);
    } catch {
      text = '';
    }
    ourMs += performance.now() - s;
    const o = shingleMatch(truth[key].articleBody, text);
    const b = shingleMatch(truth[key].articleBody, readability(html));
    ours.push(o);
    base.push(b);
    const f1 = (c: Counts) => (c[0] ? (2 * c[0]) / (2 * c[0] + c[1] + c[2]) : 0);
    rows.push({ key, f: f1(o), b: f1(b) });
  }
  const fmt = (m: { precision: number; recall: number; f1: number }) =>
    `precision=${m.precision.toFixed(3)}  recall=${m.recall.toFixed(3)}  F1=${m.f1.toFixed(3)}`;
  console.log(`pages: ${ours.length}  (${((performance.now() - t0) / 1000).toFixed(1)} s; Parley ${(ourMs / ours.length).toFixed(1)} ms/page)`);
  console.log(`readability.js  ${fmt(score(base))}`);
  console.log(`parley          ${fmt(score(ours))}   (bar: F1 >= 0.96)`);
  if (show) {
    console.log('\nworst pages (page F1 parley / readability):');
    for (const r of rows.sort((a, b) => a.f - b.f).slice(0, show)) console.log(`  ${r.f.toFixed(3)} / ${r.b.toFixed(3)}  ${r.key}`);
  }
}
