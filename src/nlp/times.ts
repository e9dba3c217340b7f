// Stage `times`: time expressions resolved to calendar values against doc.published.
// A news grammar of its own (weekdays, months, "last year", "two weeks ago", "next week",
// ranges like "the end of December or early next year"), where a bare weekday or month is past
// or future by the tense of its sentence; chrono-node handles the explicit dates this grammar
// does not know. Without an article date only expressions anchored by an explicit date resolve.
import * as chrono from 'chrono-node';
import type { Document, TimeExpr, Token } from '../document.js';
import type { Stage, StageFactory } from '../pipeline.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fifteen: 15, twenty: 20, thirty: 30, several: 3, few: 3, couple: 2,
};

const WD = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MO = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const NUM = '(?:\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|a few|a couple of)';
const UNIT = '(?:day|week|month|year|decade)s?';
const DAYN = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';

// Alternatives in priority order; each has a named kind so `resolve` knows what it matched.
const PATTERNS: [string, string][] = [
  ['iso', '\\b(\\d{4})-(\\d{2})-(\\d{2})\\b'],
  ['mdy', `\\b(${MO})\\s+${DAYN},?\\s+${YEAR}\\b`],
  ['dmy', `\\b${DAYN}\\s+(${MO})\\s+${YEAR}\\b`],
  ['md', `\\b(${MO})\\s+${DAYN}\\b(?!\\s*(?:%|percent|million|billion))`],
  ['dm', `\\b${DAYN}\\s+(${MO})\\b`],
  ['edge_my', `\\b(?:the\\s+)?(end|beginning|start|middle|close)\\s+of\\s+(${MO})(?:\\s+${YEAR})?`],
  ['my', `\\b(${MO})\\s+(?:of\\s+)?${YEAR}\\b`],
  ['rel_unit', `\\b(last|next|this|past|coming|previous|following)\\s+(week|month|year|weekend|decade)\\b`],
  ['edge_rel', `\\b(early|late|mid-?|earlier|later)\\s*(?:in\\s+)?(this|next|last)\\s+(week|month|year)\\b`],
  ['ago', `\\b(${NUM})\\s+(${UNIT})\\s+ago\\b`],
  ['span', `\\b(?:the\\s+)?(?:past|last|previous|next|coming)\\s+(${NUM})\\s+(${UNIT})\\b`],
  ['vague', `\\b(?:in\\s+)?(?:the\\s+)?(recent|coming|past few|next few|last few|last couple of|past couple of)\\s+(days|weeks|months|years)\\b`],
  ['in_n', `\\bin\\s+(${NUM})\\s+(${UNIT})(?:'|’)?(?:\\s+time)?\\b`],
  ['rel_wd', `\\b(last|next|this|coming)\\s+(${WD})\\b`],
  ['rel_mo', `\\b(last|next|this|coming)\\s+(${MO})\\b`],
  ['deictic', '\\b(yesterday|today|tomorrow|tonight)\\b'],
  ['wd', `\\b(${WD})(?:\\s+(morning|afternoon|evening|night))?\\b`],
  ['edge_mo', `\\b(early|late|mid-?)\\s*(${MO})\\b`],
  ['mo', `\\b(${MO})\\b(?!\\s*\\d)`],
  ['year', `\\b(?:in|since|by|until|till|from|before|after|of|during|early|late|mid-?|throughout|through)\\s+${YEAR}\\b(?!\\s*(?:%|percent))`],
];
// Every alternative starts at a word boundary with one of these characters (a digit, or the first
// letter of a month, weekday, number word or modifier). The lookahead adds no capture group and
// only rejects start positions no alternative could match: one check instead of twenty at each
// position inside a word, which makes the scan a third faster. A new alternative that starts
// with another letter must add it here.
const MASTER_START = '(?=\\b[\\da-fijlmnoprstuwy])';
const MASTER = new RegExp(MASTER_START + '(?:' + PATTERNS.map(([k, p]) => `(?<${k}>${p})`).join('|') + ')', 'gi');
// Every pattern needs one of these words (or a year or an ISO date): a cheap test per sentence.
const TRIGGER = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|today|tomorrow|tonight|days?\b|weeks?|weekend|months?\b|years?\b|decades?|(?:19|20)\d\d\b)/i;
const MONTH_WORD = new RegExp(`\\b${MO}`, 'gi');
const GROUP_INDEX: Map<string, number> = (() => {
  // Capture-group numbering: each alternative's own groups follow its named group.
  const m = new Map<string, number>();
  let idx = 1;
  for (const [k, p] of PATTERNS) {
    m.set(k, idx);
    idx += 1 + countGroups(p);
  }
  return m;
})();
function countGroups(p: string): number {
  let c = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\') {
      i++;
      continue;
    }
    if (p[i] === '(' && p[i + 1] !== '?') c++;
    else if (p[i] === '(' && p[i + 1] === '?' && p[i + 2] === '<' && p[i + 3] !== '=' && p[i + 3] !== '!') c++;
  }
  return c;
}

const PAST_IRREGULAR = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'made', 'took', 'gave', 'came', 'went', 'saw', 'met', 'thought', 'knew',
  'sent', 'spoke', 'wrote', 'began', 'led', 'held', 'left', 'brought', 'kept', 'felt', 'found', 'got', 'paid', 'ran',
  'rose', 'sought', 'sold', 'stood', 'won', 'became', 'broke', 'chose', 'drew', 'fell', 'fought', 'flew', 'lost',
  'meant', 'struck', 'spent', 'built', 'taught', 'caught', 'bought', 'hit', 'put', 'set', 'cut', 'let', 'shot', 'agreed',
]);
const FUTURE = new Set(['will', "'ll", '’ll', 'shall', 'expected', 'expects', 'scheduled', 'plans', 'planned', 'planning', 'upcoming', 'due', 'aims', 'intends']);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function ymd(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
function ym(y: number, m: number): string {
  return `${y}-${pad(m)}`;
}
function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86400000);
}
function monthIndex(s: string): number {
  const k = s.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.indexOf(k);
  return i >= 0 ? i + 1 : (MONTH_ABBR[k] ?? 0);
}
function num(s: string): number {
  const k = s.toLowerCase().replace(/^a (few|couple of)$/, '$1').replace(/ of$/, '');
  return /^\d+$/.test(k) ? Number(k) : (NUMBER_WORDS[k] ?? 1);
}

type Tense = 'past' | 'future' | 'neutral';

function verbTense(text: string, tokens: Token[], i: number, from: number): Tense {
  const t = tokens[i];
  const w = text.slice(t.start, t.end).toLowerCase();
  if (FUTURE.has(w)) return 'future';
  for (let k = i - 1; k >= from && k >= i - 2; k--) {
    const p = text.slice(tokens[k].start, tokens[k].end).toLowerCase();
    if (FUTURE.has(p)) return 'future';
  }
  if (PAST_IRREGULAR.has(w) || (w.endsWith('ed') && w !== t.lemma)) return 'past';
  return 'neutral';
}

/** Tense of the verb nearest the expression (left first: "told Time magazine in December"), else of the sentence. */
function localTense(text: string, tokens: Token[], from: number, to: number, at: number): Tense {
  let left = -1;
  let right = -1;
  for (let i = from; i < to; i++) {
    const p = tokens[i].pos;
    if (p !== 'VERB' && p !== 'AUX') continue;
    if (tokens[i].start < at) left = i;
    else if (right < 0) right = i;
  }
  for (const i of [left, right]) {
    if (i < 0) continue;
    const t = verbTense(text, tokens, i, from);
    if (t !== 'neutral') return t;
  }
  return sentenceTense(text, tokens, from, to);
}

function sentenceTense(text: string, tokens: Token[], from: number, to: number): Tense {
  let past = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    const w = text.slice(t.start, t.end).toLowerCase();
    if (FUTURE.has(w)) return 'future';
    if (w === 'going' && i + 1 < to && text.slice(tokens[i + 1].start, tokens[i + 1].end).toLowerCase() === 'to') return 'future';
    if ((t.pos === 'VERB' || t.pos === 'AUX') && (PAST_IRREGULAR.has(w) || (w.endsWith('ed') && w !== t.lemma))) past = true;
  }
  return past ? 'past' : 'neutral';
}

interface Found {
  start: number;
  end: number;
  value: string | null;
  endValue?: string | null;
}

/** Resolve the time expressions of a tokenised text against `published` (YYYY-MM-DD or null). */
export function findTimes(text: string, tokens: Token[], sentences: { start: number; end: number }[], published: string | null): TimeExpr[] {
  const out: Found[] = [];
  let anchor: Date | null = published ? new Date(published.slice(0, 10) + 'T00:00:00Z') : null;
  const fromArticle = anchor !== null;
  // Token range per sentence, for tense.
  const sentTok: [number, number][] = sentences.map(() => [0, 0]);
  for (let i = 0; i < tokens.length; i++) {
    const s = tokens[i].sentence;
    if (sentTok[s][1] === 0 && sentTok[s][0] === 0) sentTok[s] = [i, i + 1];
    else sentTok[s][1] = i + 1;
  }
  let si = 0;
  const tenseAt = (pos: number): Tense => {
    while (si < sentences.length - 1 && pos >= sentences[si].end) si++;
    while (si > 0 && pos < sentences[si].start) si--;
    return sentTok[si] ? localTense(text, tokens, sentTok[si][0], sentTok[si][1], pos) : 'neutral';
  };

  // The grammar runs only over sentences with a word a time expression needs.
  const ranges: [number, number][] = [];
  for (const s of sentences) {
    TRIGGER.lastIndex = 0;
    if (TRIGGER.test(text.slice(s.start, s.end))) ranges.push([s.start, s.end]);
  }
  if (!sentences.length && TRIGGER.test(text)) ranges.push([0, text.length]);
  let ri = 0;
  MASTER.lastIndex = ranges.length ? ranges[0][0] : text.length;
  let m: RegExpExecArray | null;
  while (ri < ranges.length && (m = MASTER.exec(text))) {
    if (m.index >= ranges[ri][1]) {
      while (ri < ranges.length && m.index >= ranges[ri][1]) ri++;
      if (ri >= ranges.length) break;
      if (m.index < ranges[ri][0]) {
        MASTER.lastIndex = ranges[ri][0];
        continue;
      }
    }
    const g = m.groups!;
    const kind = PATTERNS.find(([k]) => g[k] !== undefined)![0];
    const base = GROUP_INDEX.get(kind)!;
    const a = (k: number) => m![base + k];
    let start = m.index;
    const end = m.index + m[0].length;
    const matched = m[0];
    // Month and weekday names are capitalised in edited news; "may" is also a verb.
    if ((kind === 'mo' || kind === 'rel_mo' || kind === 'edge_mo') && !/[A-Z]/.test(matched.replace(/^(last|next|this|coming|early|late|mid-?)\s*/i, '')[0] ?? '')) continue;
    if (kind === 'mo' && /^May$/.test(matched) && !/\b(in|since|by|until|of|last|next|early|late|mid|this|from|through)\s+$/i.test(text.slice(Math.max(0, start - 12), start))) continue;
    if ((kind === 'wd' || kind === 'rel_wd') && !/[A-Z]/.test(matched.replace(/^(last|next|this|coming)\s+/i, '')[0])) continue;
    if (kind !== 'mo' && [...matched.matchAll(MONTH_WORD)].some((x) => !/^[A-Z]/.test(x[0]))) continue;
    if (kind === 'year') start = end - 4;
    const tense = tenseAt(start);
    let f: Found | null = null;
    const A = anchor;
    switch (kind) {
      case 'iso':
        f = { start, end, value: `${a(1)}-${a(2)}-${a(3)}` };
        break;
      case 'mdy':
        f = { start, end, value: `${a(3)}-${pad(monthIndex(a(1)))}-${pad(Number(a(2)))}` };
        break;
      case 'dmy':
        f = { start, end, value: `${a(3)}-${pad(monthIndex(a(2)))}-${pad(Number(a(1)))}` };
        break;
      case 'md':
      case 'dm': {
        const mo = monthIndex(kind === 'md' ? a(1) : a(2));
        const d = Number(kind === 'md' ? a(2) : a(1));
        if (d < 1 || d > 31) break;
        f = { start, end, value: A ? `${yearFor(A, mo, tense, d)}-${pad(mo)}-${pad(d)}` : null };
        break;
      }
      case 'my':
        f = { start, end, value: ym(Number(a(2)), monthIndex(a(1))) };
        break;
      case 'edge_my': {
        const mo = monthIndex(a(2));
        const y = a(3) ? Number(a(3)) : A ? yearFor(A, mo, tense) : null;
        f = { start, end, value: y ? ym(y, mo) : null };
        break;
      }
      case 'rel_unit':
        f = { start, end, ...relUnit(A, a(1).toLowerCase(), a(2).toLowerCase()) };
        break;
      case 'edge_rel': {
        const r = relUnit(A, a(2).toLowerCase(), a(3).toLowerCase());
        f = { start, end, value: r.value, endValue: r.endValue };
        break;
      }
      case 'ago': {
        if (!A) {
          f = { start, end, value: null };
          break;
        }
        const k = num(a(1));
        const unit = a(2).toLowerCase().replace(/s$/, '');
        f = { start, end, value: shift(A, unit, -k) };
        break;
      }
      case 'span': {
        const k = num(a(1));
        const unit = a(2).toLowerCase().replace(/s$/, '');
        const future = /\b(next|coming)\b/i.test(matched);
        if (!A) f = { start, end, value: null };
        else if (future) f = { start, end, value: shift(A, unit, 0), endValue: shift(A, unit, k) };
        else f = { start, end, value: shift(A, unit, -k), endValue: shift(A, unit, 0) };
        break;
      }
      case 'vague': {
        if (!A) {
          f = { start, end, value: null };
          break;
        }
        const unit = a(2).toLowerCase().replace(/s$/, '');
        const ahead = /coming|next/i.test(a(1));
        f = ahead ? { start, end, value: shift(A, unit, 0), endValue: shift(A, unit, 3) } : { start, end, value: shift(A, unit, -3), endValue: shift(A, unit, 0) };
        break;
      }
      case 'in_n': {
        if (!A || tense === 'past') {
          // "in two years" in a past-tense sentence is a duration, not a date.
          if (!A) f = { start, end, value: null };
          break;
        }
        f = { start, end, value: shift(A, a(2).toLowerCase().replace(/s$/, ''), num(a(1))) };
        break;
      }
      case 'rel_wd': {
        if (!A) {
          f = { start, end, value: null };
          break;
        }
        const wd = WEEKDAYS.indexOf(a(2).toLowerCase());
        const mod = a(1).toLowerCase();
        const today = A.getUTCDay();
        let diff: number;
        if (mod === 'last') diff = -(((today - wd + 7) % 7) || 7);
        else if (mod === 'next' || mod === 'coming') diff = ((wd - today + 7) % 7) || 7;
        else diff = wd - (today === 0 ? 7 : today) + (wd === 0 ? 7 : 0); // this: same Mon–Sun week
        f = { start, end, value: ymd(addDays(A, diff)) };
        break;
      }
      case 'rel_mo': {
        if (!A) {
          f = { start, end, value: null };
          break;
        }
        const mo = monthIndex(a(2));
        const mod = a(1).toLowerCase();
        const y = A.getUTCFullYear();
        const cur = A.getUTCMonth() + 1;
        const year = mod === 'last' ? (mo < cur ? y : y - 1) : mod === 'this' ? y : mo > cur ? y : y + 1;
        // "last July" in July means a year ago.
        f = { start, end, value: ym(mod === 'last' && mo === cur ? y - 1 : year, mo) };
        break;
      }
      case 'deictic': {
        if (!A) {
          f = { start, end, value: null };
          break;
        }
        const w = a(1).toLowerCase();
        f = { start, end, value: ymd(addDays(A, w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0)) };
        break;
      }
      case 'wd': {
        const wdEnd = start + a(1).length;
        if (!A) {
          f = { start, end: wdEnd, value: null };
          break;
        }
        const wd = WEEKDAYS.indexOf(a(1).toLowerCase());
        const today = A.getUTCDay();
        const back = (today - wd + 7) % 7;
        const diff = tense === 'future' && back !== 0 ? 7 - back : -back;
        f = { start, end: a(2) ? end : wdEnd, value: ymd(addDays(A, diff)) };
        break;
      }
      case 'edge_mo':
      case 'mo': {
        const mo = monthIndex(kind === 'mo' ? a(1) : a(2));
        f = { start, end, value: A ? ym(yearFor(A, mo, tense), mo) : null };
        break;
      }
      case 'year':
        f = { start, end, value: a(1) };
        break;
    }
    if (!f) continue;
    out.push(f);
    // An explicit full date anchors what follows when the article has no date of its own.
    if (!fromArticle && f.value && /^\d{4}-\d{2}-\d{2}$/.test(f.value) && (kind === 'iso' || kind === 'mdy' || kind === 'dmy')) {
      anchor = new Date(f.value + 'T00:00:00Z');
    }
  }
  mergeRanges(text, out);
  addChrono(text, out, anchor);
  out.sort((x, y) => x.start - y.start);
  return out.map((f) => {
    const t: TimeExpr = { start: f.start, end: f.end, text: text.slice(f.start, f.end), value: f.value };
    if (f.endValue !== undefined) t.endValue = f.endValue;
    return t;
  });
}

/** Year of a month (and day) named without one: the nearest past or future occurrence by tense. */
function yearFor(A: Date, mo: number, tense: Tense, day = 1): number {
  const y = A.getUTCFullYear();
  const cur = A.getUTCMonth() + 1;
  const curDay = A.getUTCDate();
  const afterNow = mo > cur || (mo === cur && day > curDay);
  const beforeNow = mo < cur || (mo === cur && day < curDay);
  if (tense === 'future') return beforeNow && mo !== cur ? y + 1 : y;
  if (tense === 'past') return afterNow && mo !== cur ? y - 1 : y;
  // No tense to go by: the occurrence within six months of the article.
  const diff = mo - cur;
  if (diff > 6) return y - 1;
  if (diff < -6) return y + 1;
  return y;
}

function shift(A: Date, unit: string, k: number): string {
  if (unit === 'day') return ymd(addDays(A, k));
  if (unit === 'week') return ymd(addDays(A, 7 * k));
  if (unit === 'month') {
    const t = A.getUTCFullYear() * 12 + A.getUTCMonth() + k;
    return ym(Math.floor(t / 12), (t % 12) + 1);
  }
  if (unit === 'decade') return String(A.getUTCFullYear() + 10 * k);
  return String(A.getUTCFullYear() + k);
}

function relUnit(A: Date | null, mod: string, unit: string): { value: string | null; endValue?: string | null } {
  if (!A) return { value: null };
  const dir = mod === 'last' || mod === 'past' || mod === 'previous' ? -1 : mod === 'this' ? 0 : 1;
  if (unit === 'week' || unit === 'weekend') {
    const monday = addDays(A, -((A.getUTCDay() + 6) % 7) + 7 * dir);
    if (unit === 'weekend') return { value: ymd(addDays(monday, 5)), endValue: ymd(addDays(monday, 6)) };
    return { value: ymd(monday), endValue: ymd(addDays(monday, 6)) };
  }
  if (unit === 'month') return { value: shift(A, 'month', dir) };
  if (unit === 'decade') return { value: shift(A, 'decade', dir) };
  return { value: shift(A, 'year', dir) };
}

// "the end of December or early next year", "between March and May": one expression, a range.
function mergeRanges(text: string, out: Found[]): void {
  out.sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i];
    const b = out[i + 1];
    const gap = text.slice(a.end, b.start);
    if (!/^\s*(or|to|and|through|until|-|–)\s*$/i.test(gap)) continue;
    if (/^\s*and\s*$/i.test(gap) && !/\bbetween\s+(the\s+)?$/i.test(text.slice(Math.max(0, a.start - 12), a.start))) continue;
    a.end = b.end;
    a.endValue = b.endValue ?? b.value;
    out.splice(i + 1, 1);
    i--;
  }
}

// Explicit dates in formats the grammar does not know ("8/22/2025", "22.08.2025").
function addChrono(text: string, out: Found[], anchor: Date | null): void {
  const re = /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const s = m.index;
    if (out.some((f) => f.start < s + m![0].length && s < f.end)) continue;
    const r = chrono.parse(m[0], anchor ?? undefined)[0];
    if (!r || !r.start.isCertain('year')) continue;
    out.push({ start: s, end: s + m[0].length, value: `${r.start.get('year')}-${pad(r.start.get('month') ?? 1)}-${pad(r.start.get('day') ?? 1)}` });
  }
}

export const timesStage: StageFactory = (): Stage => ({
  name: 'times',
  run(doc: Document): void {
    doc.times = findTimes(doc.text, doc.tokens, doc.sentences, doc.published);
  },
});
