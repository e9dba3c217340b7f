// Metadata and cleaning for text as people paste or scrape it (the seeds): a title line, a
// ` date 2025-08-22 ` prefix, `Dow Jones` / `Jul 09, 2025` / `By …` header lines, a
// `KYIV, Ukraine --` dateline, and footers (`Write to … at …@…`, end marks, copyright,
// disclaimers, "Most Discussed" lists). Cleaning drops whole lines, or a metadata prefix at
// the start of a line; it never rewrites characters inside the text it keeps. A bare headline
// stays in the text (it states things, and offsets stay those of the pasted text); a headline
// ending with its outlet (`… -- WSJ`) is a header line and is dropped like the byline.
import { dateAtStart, dateLine } from './dates.js';
import { isBoilerplateLine, isListItemLike, LIST_HEADING } from './boilerplate.js';
import { findPublisher } from './publishers.js';

export interface TextMeta {
  title: string | null;
  published: string | null;
  publisher: string | null;
  authors: string[];
  dateline: string | null;
}

export interface ParsedText extends TextMeta {
  text: string;
}

export interface ParseHints {
  /** A title known from elsewhere (HTML, JSONL, feed): no title is looked for in the text, and a
   *  first line repeating it is dropped. */
  title?: string | null;
  /** Text taken from a web page: short all-capital lines there are promos and kickers. */
  web?: boolean;
}

const DATE_PREFIX = /^\s*(?:date|dated|published)\s*:?\s+(?=\d{4}-\d{2}-\d{2})/i;
const BYLINE = /^by\s+(.{2,200})$/i;
const WRITE_TO = /^(?:write to|contact|email|e-mail|reach)\s+(.+)$/i;
// `KYIV, Ukraine --`, `WASHINGTON (Reuters) -`, `MOSCOW, June 3 (AP) —`, `GENEVA, March 3, 2026 (Reuters) -`
const DATELINE =
  /^(?<place>(?:[A-Z][A-Z.'’-]+)(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][\p{L}.'’-]+(?:\s+[A-Z][\p{L}.'’-]+){0,2})?)(?:,\s+(?<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+(?<year>\d{4}))?))?\s*(?:\((?<agency>[^)]{2,40})\))?\s*(?:--|—|–|-)\s+(?=\S)/u;
const NAME = /^(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|da|del|al|bin|ibn|le|la)){0,4}$/u;

// Capitalised openings that are organisations, not places: `NATO -- the alliance said …`
const NOT_PLACES = /^(?:NATO|EU|UN|OPEC|IAEA|CIA|FBI|NSA|IMF|WHO|OSCE|G7|G20|BRICS|AP|AFP|BBC|CNN|WSJ|U\.S\.|US|UK|U\.K\.|USA|UPDATE|BREAKING|EXCLUSIVE|ANALYSIS|OPINION|WATCH)$/;

function isDatelinePlace(place: string, whole: string, wireForm: boolean): boolean {
  const first = place.split(',')[0].trim();
  if (NOT_PLACES.test(first) || !/[A-Z]{3,}/.test(first)) return false;
  // a lone hyphen is a dateline dash only in the wire forms `WASHINGTON (Reuters) - `, `LONDON, March 5, 2026 - `
  return wireForm || !/\s-\s+$/.test(whole);
}

/** A dateline's `March 3` in the year of `anchor` (a date from the header or footer); a day that
 *  would fall months after the anchor is from the year before (a January story about December). */
function datelineDate(monthDay: string, anchor: string | null): string | null {
  if (!anchor) return null;
  const year = +anchor.slice(0, 4);
  const d = dateAtStart(`${monthDay}, ${year}`)?.value ?? null;
  if (d && Date.parse(d) - Date.parse(anchor) > 183 * 86_400_000) return dateAtStart(`${monthDay}, ${year - 1}`)?.value ?? null;
  return d;
}

export function normalizeTitleKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** People named in a byline or a `Write to` footer; roles, outlets and e-mail addresses are left out. */
export function parseAuthorNames(s: string): string[] {
  const out: string[] = [];
  // `Alexander Ward at alex.ward@wsj.com and Michael R. Gordon at michael.gordon@wsj.com`
  const cleaned = s
    .replace(/\s+at\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '')
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '')
    .replace(/\s*\|.*$/, '')
    .replace(/\s+(?:in|for)\s+[A-Z][\w\s,]*$/, '');
  for (let part of cleaned.split(/\s*(?:,|;|\band\b|&)\s*/)) {
    part = part.trim().replace(/^(?:by|and)\s+/i, '').replace(/[.,]+$/, (m) => (/\b\p{Lu}$/u.test(part.slice(0, -m.length)) ? '.' : ''));
    if (!part || findPublisher(part)) continue;
    if (/^(?:staff|special|senior|chief|contributing|foreign|political|white house|national)\b/i.test(part)) continue;
    if (/\b(?:correspondent|reporter|writer|editor|bureau|staff)\b/i.test(part)) continue;
    if (NAME.test(part) && part.split(/\s+/).length >= 2) out.push(part.replace(/^[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’.-]+)+$/, titleCase));
  }
  return out;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
}

/** A first line that reads as a headline: short, several words, no sentence-final period. */
function isTitleLike(line: string): boolean {
  if (line.length > 200 || line.length < 8) return false;
  const words = line.split(/\s+/);
  if (words.length < 2 || words.length > 30) return false;
  if (/[.,;:]$/.test(line) && !/\b(?:Jr|Sr|Inc|Co|U\.S|U\.K)\.$/.test(line)) return false;
  if (!/^[\p{Lu}\p{N}"'“‘]/u.test(line)) return false;
  return !dateLine(line) && !BYLINE.test(line) && !DATELINE.test(line) && !isBoilerplateLine(line);
}

/** A title ending with its outlet: `… -- WSJ`, `… | Reuters`, `… - BBC News`. */
function splitTitleSuffix(title: string): { title: string; publisher: string | null; abbreviation: string | null } {
  const m = /^(.{8,}?)\s+(--|—|–|-|\|)\s+([^|–—]{2,40})$/.exec(title);
  if (m) {
    const p = findPublisher(m[3]);
    if (p) return { title: m[1].trim(), publisher: p.name, abbreviation: null };
    // an outlet we do not know, written as its initials: `… -- MJ`
    if ((m[2] === '--' || m[2] === '|') && /^[A-Z][A-Z&.]{1,5}$/.test(m[3].trim())) return { title: m[1].trim(), publisher: null, abbreviation: m[3].trim() };
  }
  return { title, publisher: null, abbreviation: null };
}

const OUTLET_WORD =
  /\b(?:News|Newswires?|Press|Service|Times|Post|Journal|Herald|Wire|Agency|Media|Tribune|Gazette|Daily|Observer|Telegraph|Ledger|Desk|Broadcasting|Radio|Television|Chronicle|Standard|Independent|Monitor|Dispatch|Bulletin|Courier|Reporter|Sentinel|Examiner|Globe|Inquirer|Register)\b/;

/** A header line naming an outlet: `Meridian Newswires`, `Dow Jones`. */
function outletLine(line: string): { name: string; wire: boolean } | null {
  if (line.length > 60) return null;
  const known = findPublisher(line);
  if (known) return { name: known.name, wire: !!known.wire };
  const words = line.split(/\s+/);
  if (words.length > 6 || /[.,;:!?"“”]$/.test(line)) return null;
  if (!words.every((w) => /^(?:[\p{Lu}\d&]|of$|the$|and$|for$)/u.test(w))) return null;
  return OUTLET_WORD.test(line) ? { name: line, wire: false } : null;
}

/** The holder of `Copyright (c) 2025 Dow Jones & Company, Inc.` or `© 2025 Reuters. All rights reserved.` */
function copyrightHolder(line: string): string | null {
  const m = /^(?:copyright|©)\s*(?:\(c\)|©)?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)\s+(.{2,80}?)(?:\.\s|\.?$|\s+all rights reserved)/i.exec(line);
  if (!m) return null;
  const holder = m[1].replace(/,?\s+(?:Inc|Ltd|LLC|Co|Corp|plc|GmbH)\.?$/i, '').replace(/[.,]$/, '').trim();
  return holder ? (findPublisher(holder)?.name ?? holder) : null;
}

interface Line {
  raw: string;
  /** Index where the kept part starts (after a dropped metadata prefix). */
  from: number;
  keep: boolean;
  blank: boolean;
}

export function parseMessyText(input: string, hints: ParseHints = {}): ParsedText {
  const lines: Line[] = input.split(/\r\n|\r|\n/).map((raw) => {
    const blank = !raw.replace(/[\s\u00a0\u200b\ufeff]+/g, '');
    return { raw, from: 0, keep: !blank, blank };
  });
  const meta: TextMeta = { title: null, published: null, publisher: null, authors: [], dateline: null };
  // publisher evidence, strongest first
  let headerPublisher: string | null = null;
  let suffixPublisher: string | null = null;
  let wire: string | null = null;
  let holder: string | null = null;
  let abbreviation: string | null = null;
  let footerDate: string | null = null;
  // a dateline's date without its year (`WASHINGTON, Aug 22 (Reuters) -`), dated once the footer is read
  let datelineMonthDay: string | null = null;
  const trimmed = (l: Line) => l.raw.slice(l.from).trim();

  // Header: title, publisher, date and byline lines before the first paragraph of prose.
  let i = 0;
  let first = true;
  let headline: Line | null = null;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (l.blank) continue;
    const t = trimmed(l);
    const d = dateLine(t);
    const pub = first ? (t.length <= 40 ? findPublisher(t) : null) : outletLine(t);
    const by = BYLINE.exec(t);
    if (d) {
      meta.published ??= d;
    } else if (pub) {
      if (pub.wire) wire ??= pub.name;
      else headerPublisher ??= pub.name;
    } else if (by && parseAuthorNames(by[1]).length) {
      meta.authors.push(...parseAuthorNames(by[1]));
    } else if (first && hints.title && t.length < hints.title.length * 2 + 20 && normalizeTitleKey(t) === normalizeTitleKey(hints.title)) {
      // the known title repeated as the first line
    } else if (first && !hints.title && isTitleLike(t) && lines.slice(i + 1).some((x) => !x.blank)) {
      const s = splitTitleSuffix(t);
      meta.title = s.title;
      suffixPublisher = s.publisher;
      abbreviation = s.abbreviation;
      if (s.title === t) {
        headline = l;
        first = false;
        continue;
      }
    } else {
      break;
    }
    l.keep = false;
    first = false;
  }

  // The first paragraph of prose may open with a ` date 2025-08-22 ` prefix, then a dateline.
  if (i < lines.length) {
    const l = lines[i];
    const p = DATE_PREFIX.exec(l.raw);
    if (p) {
      const d = dateAtStart(l.raw.slice(p[0].length));
      if (d) {
        meta.published ??= d.value;
        l.from = p[0].length + d.length;
        l.from += /^\s*/.exec(l.raw.slice(l.from))![0].length;
      }
    }
    const dl = DATELINE.exec(l.raw.slice(l.from));
    const g = dl?.groups;
    // a month and day (checked in a leap year, so Feb 29 passes)
    const dated = !!g?.date && !!dateAtStart(`${g.date.replace(/,\s+\d{4}$/, '')}, 2000`);
    if (dl && g && isDatelinePlace(g.place, dl[0], !!g.agency || dated)) {
      meta.dateline = g.place.trim();
      if (g.agency) {
        const agency = findPublisher(g.agency);
        if (agency) wire ??= agency.name;
      }
      if (dated && g.year) meta.published ??= dateAtStart(g.date)?.value ?? null;
      else if (dated) datelineMonthDay = g.date;
      l.from += dl[0].length;
    }
  }

  // Body and footer: boilerplate lines, link lists, `Write to` lines, date footers.
  if (hints.web) dropMenuRuns(lines, i);
  let inList = false;
  for (let j = i; j < lines.length; j++) {
    const l = lines[j];
    if (l.blank) continue;
    const t = trimmed(l);
    if (inList) {
      if (isListItemLike(t) || isBoilerplateLine(t)) {
        l.keep = false;
        continue;
      }
      inList = false;
    }
    if (LIST_HEADING.test(t)) {
      inList = true;
      l.keep = false;
      continue;
    }
    // a byline among the first lines of the body (web pages put a kicker or a photo first)
    const by = j - i < 6 && t.length < 120 ? BYLINE.exec(t) : null;
    if (by) {
      const names = parseAuthorNames(by[1].replace(/\s+[-–—|]\s+.*$/, ''));
      if (names.length) {
        if (!meta.authors.length) meta.authors.push(...names);
        l.keep = false;
        continue;
      }
    }
    const w = WRITE_TO.exec(t);
    if (w && /@/.test(t)) {
      if (!meta.authors.length) meta.authors.push(...parseAuthorNames(w[1]));
      l.keep = false;
      continue;
    }
    if (j > i && dateLine(t)) {
      footerDate ??= dateLine(t);
      l.keep = false;
      continue;
    }
    if (hints.web && t.length < 150 && /\p{Lu}{2}/u.test(t) && t === t.toUpperCase() && t.split(/\s+/).length >= 2) {
      l.keep = false;
      continue;
    }
    if (isBoilerplateLine(t)) {
      holder ??= copyrightHolder(t);
      l.keep = false;
      continue;
    }
    if (j > i && t.length <= 40 && findPublisher(t) && isListItemLike(t)) {
      l.keep = false;
      continue;
    }
  }
  // a headline over nothing but header and boilerplate lines is not an article
  if (headline && !lines.some((l) => l.keep && l !== headline && trimmed(l))) headline.keep = false;
  if (datelineMonthDay) meta.published ??= datelineDate(datelineMonthDay, footerDate);
  meta.published ??= footerDate;
  meta.publisher = headerPublisher ?? suffixPublisher ?? wire ?? holder ?? abbreviation;
  meta.authors = [...new Set(meta.authors)];
  return { ...meta, text: assemble(lines) };
}

/** On web pages, four or more short lines in a row (`Home`, `News`, `Sports`, …) are a menu. */
function dropMenuRuns(lines: Line[], from: number): void {
  const short = (l: Line) => {
    const t = l.raw.trim();
    return t.split(/\s+/).length <= 3 && t.length <= 30 && !/[.!?:;"“”]$/.test(t) && !/^\d/.test(t);
  };
  for (let j = from; j < lines.length; ) {
    if (lines[j].blank || !lines[j].keep || !short(lines[j])) {
      j++;
      continue;
    }
    const run: Line[] = [];
    let k = j;
    for (; k < lines.length && (lines[k].blank || short(lines[k])); k++) if (!lines[k].blank) run.push(lines[k]);
    if (run.length >= 4) for (const l of run) l.keep = false;
    j = k;
  }
}

/** Kept lines as they were; a run of blank or dropped lines becomes one paragraph break. */
function assemble(lines: Line[]): string {
  const out: string[] = [];
  let gap = false;
  for (const l of lines) {
    if (!l.keep) {
      if (l.blank || out.length) gap = true;
      continue;
    }
    const s = l.raw.slice(l.from).replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
    if (out.length) out.push(gap ? '\n\n' : '\n');
    out.push(s);
    gap = false;
  }
  return out.join('');
}
