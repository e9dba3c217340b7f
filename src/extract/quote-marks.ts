// Finds the spans between double quotation marks, paragraph by paragraph: straight, curly and
// mixed marks (“…"), the doubled apostrophes of some archives (''…''), and quotations that run
// over paragraphs (a paragraph ending inside a quotation, the next one reopening it).

export interface Paragraph {
  start: number;
  end: number;
}

export interface QuotedSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark; the paragraph end when the quotation runs on. */
  close: number;
  /** The quoted words, without marks or surrounding blanks. */
  start: number;
  end: number;
  paragraph: number;
  /** Opened in an earlier paragraph that ended inside the quotation. */
  continued: boolean;
  /** Its paragraph ended before a closing mark. */
  runsOn: boolean;
}

export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let s = m.index;
    let e = s + m[0].length;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

interface Mark {
  at: number;
  len: number;
  kind: 'open' | 'close' | 'either';
}

const WORDISH = /[\p{L}\p{N}]/u;

function marksIn(text: string, p: Paragraph): Mark[] {
  const marks: Mark[] = [];
  for (let i = p.start; i < p.end; i++) {
    const c = text[i];
    if (c === '“' || c === '„') marks.push({ at: i, len: 1, kind: 'open' });
    else if (c === '”') marks.push({ at: i, len: 1, kind: 'close' });
    else if (c === '"') marks.push({ at: i, len: 1, kind: 'either' });
    else if (c === "'" && text[i + 1] === "'") {
      marks.push({ at: i, len: 2, kind: 'either' });
      i++;
    }
  }
  return marks;
}

/** Whether a straight mark at `at` looks like it opens (blank or bracket before, a word after). */
function looksOpening(text: string, m: Mark, p: Paragraph): boolean {
  const before = m.at > p.start ? text[m.at - 1] : ' ';
  const after = m.at + m.len < p.end ? text[m.at + m.len] : ' ';
  const blankBefore = /[\s(\[—–-]/.test(before);
  const blankAfter = /[\s.,;:!?)\]]/.test(after);
  if (blankBefore && !blankAfter) return true;
  if (!blankBefore && blankAfter) return false;
  return blankBefore;
}

export function findQuotedSpans(text: string, paras: Paragraph[] = paragraphs(text)): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let carried = false; // the previous paragraph ended inside a quotation
  paras.forEach((p, pi) => {
    const marks = marksIn(text, p);
    let openAt: Mark | null = null;
    let continued = false;
    // A paragraph that continues a quotation usually reopens it with a mark; when it does not,
    // the quotation still runs from its first character.
    if (carried && (marks.length === 0 || marks[0].at !== p.start)) {
      const firstIsClose = marks.length > 0 && (marks[0].kind === 'close' || (marks[0].kind === 'either' && !looksOpening(text, marks[0], p)));
      if (firstIsClose) {
        openAt = { at: p.start, len: 0, kind: 'open' };
        continued = true;
      }
    }
    for (const m of marks) {
      if (!openAt) {
        if (m.kind === 'close' && !looksOpening(text, m, p)) continue; // a stray closing mark
        openAt = m;
        continued = carried && m.at === p.start;
      } else {
        const closes = m.kind === 'close' || m.kind === 'either' ? true : !looksOpening(text, m, p);
        if (m.kind === 'open' && looksOpening(text, m, p)) {
          // “ inside a quotation that never closed: the first one ran on; restart here.
          push(openAt, m.at, false, true);
          openAt = m;
          continued = false;
          continue;
        }
        if (closes) {
          push(openAt, m.at + m.len, true, false);
          openAt = null;
          continued = false;
        }
      }
    }
    carried = false;
    if (openAt) {
      push(openAt, p.end, false, true);
      carried = true;
    }

    function push(o: Mark, closeEnd: number, closed: boolean, runsOn: boolean): void {
      let s = o.at + o.len;
      let e = closed ? closeEnd - (text[closeEnd - 1] === "'" ? 2 : 1) : closeEnd;
      while (s < e && /\s/.test(text[s])) s++;
      while (e > s && /\s/.test(text[e - 1])) e--;
      if (e <= s || !WORDISH.test(text.slice(s, e))) return;
      out.push({ open: o.at, close: closeEnd, start: s, end: e, paragraph: pi, continued, runsOn });
    }
  });
  return out;
}
