// Publication dates as news text writes them: 2025-08-22, Jul 09, 2025, July 8, 2025 23:00 ET,
// Wednesday, 9 July 2025, 2025/07/09. Always returned as YYYY-MM-DD, the date as written.
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\\.?,?\\s+)?';
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/;
const SLASHED = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d])/;
const MDY = new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'i');
const DMY = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})(?!\\d)`, 'i');
const LABEL = /^(?:(?:first\s+)?published|(?:last\s+)?updated|posted|date|dated|modified)(?:\s+on)?\s*:?\s*/i;
// What may follow a date on a line that is only a date: times, zones, "at", separators.
const TIME_REST = /^(?:[\s,|·•()\-–—:.]|\bat\b|\d{1,2}(?::\d{2}){0,2}|[ap]\.?m\.?|\b[A-Z]{1,5}\b|[+-]\d{2}:?\d{2})*$/i;

function ymd(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date at the start of `s`: its value and how many characters it took. */
export function dateAtStart(s: string): { value: string; length: number } | null {
  let m = ISO.exec(s) ?? SLASHED.exec(s);
  if (m) {
    const v = ymd(+m[1], +m[2], +m[3]);
    return v ? { value: v, length: m[0].length } : null;
  }
  m = MDY.exec(s);
  if (m) {
    const v = ymd(+m[3], MONTHS[m[1].slice(0, m[1].toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()], +m[2]);
    return v ? { value: v, length: m[0].length } : null;
  }
  m = DMY.exec(s);
  if (m) {
    const v = ymd(+m[3], MONTHS[m[2].slice(0, m[2].toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()], +m[1]);
    return v ? { value: v, length: m[0].length } : null;
  }
  return null;
}

/** The date of a line that holds nothing but a (labelled) date and time: `Jul 09, 2025`. */
export function dateLine(line: string): string | null {
  const s = line.trim().replace(LABEL, '');
  const d = dateAtStart(s);
  if (!d) return null;
  return TIME_REST.test(s.slice(d.length)) ? d.value : null;
}

/** Any date value a structured source gives (JSON-LD, <meta>, feeds, JSONL) as YYYY-MM-DD. */
export function normalizeDate(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const ms = value < 1e11 ? value * 1000 : value;
    return new Date(ms).toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return null;
  const s = value.trim().replace(LABEL, '');
  if (!s) return null;
  const d = dateAtStart(s);
  if (d) return d.value;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}
