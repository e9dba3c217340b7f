// The attribution stage: who said what, about whom, when and where. It reads the tokens,
// mentions and times layers and adds doc.quotes: direct quotations (the words inside the marks)
// and reported speech ("X said (that) …", "according to X, …", "…, X said."), each with its
// speaker span, the speaker's actor, the cue, the channel, the date and the actors it is about.
import type { Document, Mention, Quote, Span } from '../document.js';
import { span } from '../document.js';
import type { PipelineOptions, Stage, StageFactory } from '../pipeline.js';
import { MASK, maskQuotes, sentenceUnits, speakerAfter, subjectBefore, wordsIn, type Tagged, type Unit } from './clauses.js';
import { cueFinder, type CueMatch } from './cue-finder.js';
import { findQuotedSpans, paragraphs, type QuotedSpan } from './quote-marks.js';
import { speechLexicon, type CueStrength, type SpeechLexicon } from './speech-lexicon.js';

const SPEECH_NOUN_THAT = /(?:claims?|assertions?|argument|insistence|warnings?|promises?|pledges?|vows?|demands?|calls?|statements?|suggestion|contention|allegations?|belief|view|remarks?|comments?)\s+that\b/;

interface Range {
  start: number;
  end: number;
}

type FrameKind = 'pre' | 'post' | 'inverted' | 'parenthetical' | 'participle' | 'according' | 'colon' | 'intro';

/** One attribution frame: a cue, the phrase that speaks, and the stretch of text it reports. */
interface Frame {
  unit: Unit;
  kind: FrameKind;
  cue: Range | null;
  speaker: Range | null;
  content: Range;
  strength: CueStrength | 'according' | 'label';
  /** Where the content starts was marked by "that", a colon or a quotation. */
  marked: boolean;
  addressee: Range | null;
}

type CueKind = CueStrength | 'according';

interface Matcher {
  lexicon: SpeechLexicon;
  findCues: (text: string) => CueMatch[];
  kinds: Map<string, CueKind>;
  channelRe: RegExp | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function buildMatcher(lexicon: SpeechLexicon): Matcher {
  const kinds = new Map<string, CueKind>(lexicon.forms);
  // Headlines capitalise every word: "…, Lindsey Graham Says".
  for (const [f, k] of lexicon.forms) if (k === 'speech' && !f.includes(' ')) kinds.set(f[0].toUpperCase() + f.slice(1), k);
  for (const p of lexicon.sourceAfter) {
    kinds.set(p, 'according');
    kinds.set(p[0].toUpperCase() + p.slice(1), 'according');
  }
  const findCues = cueFinder(kinds.keys());
  const chans = [...new Set(lexicon.channels)].sort((a, b) => b.length - a.length).map((c) => c.split(/\s+/).map(escape).join('\\s+'));
  const channelRe = chans.length
    ? new RegExp(
        `(?<![\\p{L}])(?:on|in|during|at|via|through|over|to|in an?|with)\\s+(?:(?:the|a|an|his|her|its|their|\\p{Lu}[\\p{L}.’'-]*(?:’s|'s)?|[\\p{Ll}-]+(?:’s|'s))\\s+){0,3}(?:${chans.join('|')})(?![\\p{L}])`,
        'u',
      )
    : null;
  return { lexicon, findCues, kinds, channelRe };
}

const OBJECT_VERBS = /^(?:tell|tells|told|telling|ask|asks|asked|asking|urge|urges|urged|urging|warn|warns|warned|warning|assure|assures|assured|assuring|reassure|reassured|remind|reminded|reminds|inform|informed|informs|promise|promised|promises|accuse|accused|accuses|criticize|criticized|criticised|praise|praised|call|called|calls|describe|described|describes|label|labeled|labelled|dub|dubbed|brand|branded|slam|slammed|blast|blasted|hail|hailed|condemn|condemned|denounce|denounced|welcome|welcomed|threaten|threatened)$/;
const PRONOUN_OBJ = /^(?:him|her|them|us|me|you|it|reporters|journalists|lawmakers|supporters|the crowd|the audience|viewers|listeners|delegates|senators|members)$/;
const DETERMINER = /^(?:the|a|an|his|her|its|their|this|these|those|our|my|your|no|every|each|any|some|whose|such|another|same|public|private|written|verbal|official|formal|new|latest|first|second|final|earlier|previous)$/;
const PREPOSITION = /^(?:in|on|at|to|during|following|with|after|before|by|for|from|into|of|about|over|under|since|until|amid|despite|without|through|upon|against|toward|towards|like|unlike|as)$/;
const ADVERBIAL_START = /^(?:on|in|at|during|while|after|before|when|as|to|via|through|over|with|from|of|about|last|this|earlier|later|recently|yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|then|again|also|too|repeatedly|privately|publicly|separately|late|early|told|adding|according)$/;
const TIME_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|recently|earlier|later|previously|again|repeatedly|publicly|privately|last|this|on|in|at|during|late|early|separately|then|also|once|afterward|afterwards|overnight)$/;

function trimRange(text: string, r: Range): Range {
  let { start, end } = r;
  while (start < end && /[\s,;:—–-]/.test(text[start])) start++;
  while (end > start && /[\s,;:.—–-]/.test(text[end - 1])) end--;
  return { start, end };
}

function hasWords(masked: string, r: Range, n: number): boolean {
  return wordsIn(masked, r.start, r.end).length >= n;
}

export interface QuoteContext {
  matcher: Matcher;
}

export function findQuotes(doc: Document, ctx: QuoteContext): Quote[] {
  const text = doc.text;
  const { matcher } = ctx;
  const paras = paragraphs(text);
  const quoted = findQuotedSpans(text, paras);
  const masked = maskQuotes(text, quoted);
  // "Trump told Macron." right after a quotation: a short clause holding a cue within its first words.
  const attributionFollows = (at: number): boolean => {
    const rest = masked.slice(at, at + 120);
    const end = rest.search(/[.!?;\u0001]/);
    const clause = end >= 0 ? rest.slice(0, end) : rest;
    const words = clause.split(/\s+/).filter(Boolean);
    if (words.length > 14) return false;
    const m = matcher.findCues(clause)[0];
    return !!m && clause.slice(0, m.start).split(/\s+/).filter(Boolean).length <= 6 && matcher.kinds.get(m.raw) !== 'according';
  };
  const units = sentenceUnits(doc, masked, paras, quoted, attributionFollows);
  // Looked up in an array by offset: a Map of every token cost a tenth of the stage to build.
  const posByOffset = new Array<string | undefined>(text.length + 1);
  for (const t of doc.tokens) posByOffset[t.start] = t.pos;
  const tags: Tagged = { posAt: { get: (at) => posByOffset[at], has: (at) => posByOffset[at] !== undefined } };
  const isCue = (w: string) => matcher.kinds.has(w);
  const mentions = [...doc.mentions].sort((a, b) => a.start - b.start);
  const mentionStarts = new Int32Array(mentions.length);
  for (let k = 0; k < mentions.length; k++) mentionStarts[k] = mentions[k].start;
  /** Index of the first mention that could end after `at` (mentions are short: 200 chars back). */
  const firstMention = (at: number): number => {
    let lo = 0;
    let hi = mentionStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentionStarts[mid] < at - 200) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // Every cue in one pass over the document; framesIn walks its unit's share.
  const cueMatches = matcher.findCues(masked);
  let cueAt = 0;
  const frames: Frame[] = [];
  for (const unit of units) frames.push(...framesIn(unit));
  return assemble();

  /** The tagger reads "Trump claims that …" as a noun; a name or pronoun before it, or "that" after, says verb. */
  function verbDespiteTag(cs: number, ce: number): boolean {
    const next = /^\s*(?:that\b|:|\u0001)/.test(masked.slice(ce, ce + 8));
    if (next) return true;
    const before = wordsIn(masked, Math.max(0, cs - 40), cs);
    const prev = before[before.length - 1];
    if (!prev || masked.slice(prev.end, cs).trim()) return false;
    const pos = tags.posAt.get(prev.start);
    return pos === 'PROPN' || pos === 'PRON';
  }

  function isVerbLikeAt(at: number): boolean {
    const pos = tags.posAt.get(at);
    if (pos) return pos === 'VERB' || pos === 'AUX';
    const m = /^[\p{Ll}][\p{L}]*/u.exec(masked.slice(at, at + 30));
    return !!m && (/(?:ed|es)$/.test(m[0]) || isCue(m[0])) && m[0].length > 3;
  }

  /** The main clause's subject, after a leading adverbial ("During a speech Monday, Trump …"). */
  function firstSubject(unit: Unit, before: number): Range | null {
    // The main clause starts after a leading subordinate clause or adverbial ("When Putin offered …,").
    const lead = wordsIn(masked, unit.start, before);
    let from = unit.start;
    if (lead.length && (PREPOSITION.test(lead[0].w) || /^(?:when|while|if|although|though|because|since|once|after|before|as|until|unless|whereas|shortly|earlier|later|meanwhile|however|still|yet)$/.test(lead[0].w))) {
      const comma = lead.findIndex((w, i) => i > 0 && i < 25 && /,/.test(w.gapBefore));
      if (comma > 0) from = lead[comma].start;
    }
    // A named actor followed by its verb: "Shortly after the strikes, Trump took to social media".
    for (let mi = firstMention(from); mi < mentions.length; mi++) {
      const m = mentions[mi];
      if (m.start < from) continue;
      if (m.start >= before) break;
      if (masked.slice(unit.start, m.start).includes(MASK)) break;
      const next = wordsIn(masked, m.end, Math.min(before, m.end + 40))[0];
      if (next && !/[,;:\u0001]/.test(masked.slice(m.end, next.start)) && isVerbLikeAt(next.start) && tags.posAt.has(next.start)) return { start: m.start, end: m.end };
    }
    const words = wordsIn(masked, unit.start, before);
    let k = 0;
    if (words.length && (PREPOSITION.test(words[0].w) || /^(?:when|while|after|as|if|asked|speaking|earlier|later|meanwhile|however|still|but|and|yet|so)$/.test(words[0].w))) {
      const comma = words.findIndex((w, i) => i > 0 && i < 16 && /,/.test(w.gapBefore));
      if (comma < 0) return null;
      k = comma;
    }
    let v = k + 1;
    while (v < words.length && v < k + 14 && !isVerbLikeAt(words[v].start) && !/[,;:\u0001]/.test(words[v].gapBefore)) v++;
    if (v >= k + 14 || k >= words.length) return null;
    if (v >= words.length) {
      // No verb before the cue: only a short phrase naming a person can be the subject
      // ("President Trump’s latest condemnation of Putin — branding him …").
      const r = { start: words[k].start, end: words[words.length - 1].end };
      const named = doc.mentions.some((m) => m.start >= r.start && m.end <= r.end && m.type === 'PERSON');
      return named && words.length - k <= 10 ? r : null;
    }
    let e = v - 1;
    while (e > k && /^(?:has|have|had|is|was|were|are|will|would|also|then|later|later|again|not|did|does|do|repeatedly|recently|reportedly)$/.test(words[e].w)) e--;
    const r = { start: words[k].start, end: words[e].end };
    for (let mi = firstMention(r.start); mi < mentions.length; mi++) {
      const m = mentions[mi];
      if (m.start >= r.end) break;
      if (m.start >= r.start && m.end <= r.end) return r;
    }
    return r;
  }

  /** Where the reported clause starts after a pre-posed cue ("said Monday that …", "told reporters: …"). */
  function contentAfter(cueEnd: number, unit: Unit, form: string): { start: number; marked: boolean; addressee: Range | null } {
    const words = wordsIn(masked, cueEnd, unit.end);
    for (let k = 0; k < Math.min(words.length, 10); k++) {
      const wd = words[k];
      // Past a verb, a "that" or a colon belongs to the reported clause itself.
      if (k > 0 && isVerbLikeAt(words[k - 1].start)) break;
      const gap = wd.gapBefore;
      const colon = gap.indexOf(':');
      const q = gap.indexOf(MASK);
      if (q >= 0 && (colon < 0 || q < colon)) return { start: wd.start - gap.length + q, marked: true, addressee: null };
      if (colon >= 0) return { start: wd.start - gap.length + colon + 1, marked: true, addressee: null };
      if (wd.w === 'that' && masked[wd.start] === 't' && k <= 6) {
        const addressee = k > 0 && OBJECT_VERBS.test(form) ? { start: words[0].start, end: words[k - 1].end } : null;
        return { start: wd.end, marked: true, addressee };
      }
      if (/[.;]/.test(gap) && k > 0) break;
    }
    if (words.length === 0) {
      const rest = masked.slice(cueEnd, unit.end);
      const q = rest.indexOf(MASK);
      return { start: q >= 0 ? cueEnd + q : unit.end, marked: q >= 0, addressee: null };
    }
    let k = 0;
    if (OBJECT_VERBS.test(form)) {
      // Skip the addressee: a pronoun, "reporters", or a short name ("told Time magazine").
      const two = words.length > 1 ? `${words[0].w} ${words[1].w}` : '';
      if (PRONOUN_OBJ.test(two)) k = 2;
      else if (PRONOUN_OBJ.test(words[0].w)) k = 1;
      else {
        let j = 0;
        if (/^(?:the|a|an)$/.test(words[0].w)) j = 1;
        while (j < words.length && j < 5 && /^[\p{Lu}]/u.test(text[words[j].start]) && !/[,;]/.test(words[j].gapBefore)) j++;
        if (j > 0 && (j > 1 || !/^(?:the|a|an)$/.test(words[0].w))) k = j;
      }
    }
    const addressee = k > 0 ? { start: words[0].start, end: words[k - 1].end } : null;
    // Skip time and manner words right after the cue ("said Monday", "said in a statement,").
    while (k < words.length && k < 8 && TIME_WORD.test(words[k].w)) {
      k++;
      // "in a statement", "on Monday": swallow the rest of the phrase up to a comma.
      let j = k;
      while (j < words.length && j < k + 6 && !/[,]/.test(words[j].gapBefore)) j++;
      if (j < words.length && /,/.test(words[j].gapBefore)) k = j;
      else {
        if (k < words.length && /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|night|week|month|year|morning|evening|afternoon)$/.test(words[k].w)) k++;
        break;
      }
    }
    return { start: k < words.length ? words[k].start - (words[k].gapBefore.includes(MASK) ? words[k].gapBefore.length : 0) : unit.end, marked: false, addressee };
  }

  function framesIn(unit: Unit): Frame[] {
    const out: Frame[] = [];
    // Transcript and headline labels: "PENCE: Well, look…", "Pat Caddell: Democrat voters…".
    const label = /^([\p{Lu}][\p{L}.’'-]*(?:\s+[\p{Lu}][\p{L}.’'-]*){0,3}):\s+\S/u.exec(masked.slice(unit.start, unit.end));
    if (label && paras[unit.paragraph].start === unit.start) {
      const name = label[1];
      const lab = { start: unit.start, end: unit.start + name.length };
      const isCaps = name === name.toUpperCase() && /[A-Z]{2}/.test(name);
      const isName = doc.mentions.some((m) => m.start === lab.start && m.end === lab.end && m.type === 'PERSON');
      const isHeadline = unit.paragraph === 0 && name.split(/\s+/).length <= 3;
      if (isCaps || isName || isHeadline) {
        const pEnd = paras[unit.paragraph].end;
        out.push({ unit, kind: 'colon', cue: { start: lab.end, end: lab.end + 1 }, speaker: lab, content: { start: lab.end + 1, end: pEnd }, strength: 'label', marked: true, addressee: null });
      }
    }
    // "“…”― Pamela Padilla": a dash after a quotation names its speaker. Tried only right after
    // each closing mark (a search from every masked character was quadratic in quote length).
    const dashRe = /\s*([―—–]+|-{1,2})\s*([\p{Lu}][\p{L}.’'-]*(?:\s+[\p{Lu}][\p{L}.’'-]*){0,4})/uy;
    for (const q of quoted) {
      if (q.close <= unit.start || q.close > unit.end || q.runsOn) continue;
      dashRe.lastIndex = q.close;
      const m = dashRe.exec(masked);
      if (!m) continue;
      const dashAt = m.index + m[0].indexOf(m[1]);
      const nameAt = m.index + m[0].length - m[2].length;
      // Only a quotation opening its sentence: "… said the “peace plan” - Trump" is no attribution.
      const first = masked.slice(unit.start, Math.max(unit.start, q.open)).trim();
      if (first && !/[.!?]$/.test(first)) continue;
      out.push({ unit, kind: 'post', cue: { start: dashAt, end: dashAt + m[1].length }, speaker: { start: nameAt, end: nameAt + m[2].length }, content: { start: q.open, end: dashAt }, strength: 'label', marked: true, addressee: null });
    }
    // "Trump’s claim that …", "his warning that …": a speech noun whose owner speaks.
    const nounRe = /(?<![\p{L}])((?:[\p{Lu}][\p{L}.-]*\s+){0,3}[\p{Lu}][\p{L}.-]*[’']s?|his|her|their|its)\s+(?:(?:latest|recent|earlier|repeated|new|own|public|stated)\s+)?(claims?|assertions?|argument|insistence|warnings?|promises?|pledges?|vows?|demands?|calls?|statements?|suggestion|contention|allegations?|belief|view|remarks?|comments?)\s+that\b/gu;
    // Searched within the unit only: a search from the unit's start that found nothing there
    // went on to the end of the document, once per unit (a quarter of the stage's time).
    const unitText = masked.slice(unit.start, unit.end);
    // The full pattern is slow (a look-behind and up to four name words at every position);
    // most units hold no "<speech noun> that" at all, which a search for "that", then a plain
    // pattern, rule out first.
    const hasNounThat = unitText.includes('that') && SPEECH_NOUN_THAT.test(unitText);
    for (let m = hasNounThat ? nounRe.exec(unitText) : null; m; m = nounRe.exec(unitText)) {
      m.index += unit.start;
      const end = m.index + m[0].length;
      const owner = m[1].replace(/[’']s?$/, '');
      const speaker = { start: m.index, end: m.index + owner.length };
      const cueAt = m.index + m[0].lastIndexOf(m[2]);
      out.push({ unit, kind: 'pre', cue: { start: cueAt, end: cueAt + m[2].length }, speaker, content: { start: end, end: unit.end }, strength: 'speech', marked: true, addressee: null });
    }
    // "Trump brushed the offer aside: “I said, …”": a clause ending in a colon introduces the
    // quotation after it, spoken by that clause's subject.
    for (const q of quoted) {
      if (q.open <= unit.start || q.open >= unit.end) continue;
      const before = masked.slice(unit.start, q.open);
      if (!/:\s*$/.test(before)) continue;
      const colonAt = unit.start + before.lastIndexOf(':');
      const speaker = firstSubject(unit, colonAt);
      if (speaker) out.push({ unit, kind: 'intro', cue: { start: colonAt, end: colonAt + 1 }, speaker, content: { start: q.open, end: unit.end }, strength: 'label', marked: true, addressee: null });
    }
    while (cueAt < cueMatches.length && cueMatches[cueAt].start < unit.start) cueAt++;
    for (let k = cueAt; k < cueMatches.length && cueMatches[k].start < unit.end; k++) {
      const cs = cueMatches[k].start;
      const ce = cueMatches[k].end;
      if (ce > unit.end) break;
      const form = cueMatches[k].form;
      const kind = matcher.kinds.get(form)!;
      const cue = { start: cs, end: ce };
      if (kind !== 'according' && /^\p{Lu}/u.test(form) && (unit.paragraph > 0 || !/,\s*[\p{Lu}][^,]*$/u.test(masked.slice(unit.start, cs)))) continue;
      const cuePos = tags.posAt.get(cs);
      const participle = form.endsWith('ing') && /[,—–]\s*$/.test(masked.slice(Math.max(unit.start, cs - 3), cs));
      // The tagger's noun reading is trusted for forms nouns share ("tweets", "comments", "support"),
      // not for past tenses it sometimes misreads ("a panel in 2001 found …").
      const pastTense = /ed$/.test(form) || /^(?:said|told|found|thought|wrote|written|sought|shown)$/.test(form);
      if (kind !== 'according' && cuePos && cuePos !== 'VERB' && cuePos !== 'AUX' && !/^\p{Lu}/u.test(form) && !participle && !pastTense && !verbDespiteTag(cs, ce)) continue;
      if (kind === 'according') {
        const after = wordsIn(masked, ce, unit.end);
        let k = 0;
        while (k + 1 < after.length && !/[,;:\u0001—(]/.test(after[k + 1].gapBefore) && k < 14) k++;
        if (!after.length) continue;
        const speaker = { start: after[0].start, end: after[k].end };
        const before = wordsIn(masked, unit.start, cs);
        const content = before.length >= 3 ? { start: unit.start, end: cs } : { start: speaker.end, end: unit.end };
        out.push({ unit, kind: 'according', cue, speaker, content, strength: 'according', marked: true, addressee: null });
        continue;
      }
      const left = wordsIn(masked, unit.start, cs);
      const last = left[left.length - 1];
      const lastEnd = last ? last.end : unit.start;
      const tailGap = masked.slice(lastEnd, cs);
      const isIng = form.endsWith('ing');
      if (/[,\u0001—]/.test(tailGap)) {
        const contentEnd = lastEnd + tailGap.search(/[,\u0001—]/);
        if (isIng) {
          const prior = out.length ? out[out.length - 1].speaker : null;
          const speaker = prior ?? firstSubject(unit, cs);
          const after = contentAfter(ce, unit, form);
          out.push({ unit, kind: 'participle', cue, speaker, content: { start: after.start, end: unit.end }, strength: kind, marked: after.marked, addressee: after.addressee });
        } else {
          // "Richard Revesz, director of …, said the states were …": a subject with an apposition,
          // not an inverted "…, said Revesz".
          if (!tailGap.includes(MASK)) {
            const subj = subjectBefore(masked, unit.start, cs, tags, isCue);
            const restWords = wordsIn(masked, ce, unit.end);
            const lead = subj ? masked.slice(unit.start, subj.start) : '';
            const subjStartsClause = subj && !/[,;:\u0001]/.test(lead) && wordsIn(masked, unit.start, subj.start).length <= 2;
            // The head before the first comma must be a noun phrase: "Putin is methodical, said …" is inverted.
            const head = subj ? wordsIn(masked, subj.start, subj.end) : [];
            const firstComma = head.findIndex((w, k) => k > 0 && /,/.test(w.gapBefore));
            const headWords = firstComma > 0 ? head.slice(0, firstComma) : head;
            const headIsNoun = headWords.length > 0 && !headWords.some((w) => isVerbLikeAt(w.start));
            if (subj && subjStartsClause && headIsNoun && restWords.length > 5) {
              const after = contentAfter(ce, unit, form);
              out.push({ unit, kind: 'pre', cue, speaker: subj, content: { start: after.start, end: unit.end }, strength: kind, marked: after.marked, addressee: after.addressee });
              continue;
            }
          }
          const speaker = speakerAfter(masked, ce, unit.end);
          if (!speaker) continue;
          const gapQ = tailGap.lastIndexOf(MASK);
          const end = gapQ >= 0 ? lastEnd + gapQ + 1 : contentEnd;
          out.push({ unit, kind: 'inverted', cue, speaker, content: { start: unit.start, end: Math.max(end, contentEnd) }, strength: kind, marked: true, addressee: null });
        }
        continue;
      }
      if (!last) continue; // a cue opening its sentence ("Said one aide: …") is too rare to guess
      // "was expected", "is believed": a passive cue has no speaker before it.
      if (/^(?:is|was|were|are|be|been|being)$/.test(last.w) && !form.endsWith('ing') && !/[,\u0001]/.test(tailGap)) continue;
      // "the claim that", "his warning": a determiner makes the cue word a noun.
      if ((DETERMINER.test(last.w) || /[’']s$/.test(masked.slice(last.start, last.end))) && !/[,\u0001]/.test(tailGap)) continue;
      let subj: Range | null;
      if (last.w === 'to' || (PREPOSITION.test(last.w) && isIng)) {
        // "declined to say", "urged the crowd to welcome", "before saying": the main verb's subject.
        const verb = [...left].reverse().find((w, k) => k > 0 && k < 7 && isVerbLikeAt(w.start));
        if (!verb) continue;
        subj = subjectBefore(masked, unit.start, verb.start, tags, isCue);
      } else if (/^(?:and|but|or|then)$/.test(last.w)) subj = firstSubject(unit, last.start); // "X blamed Y and said"
      else subj = subjectBefore(masked, unit.start, cs, tags, isCue);
      if (subj && PREPOSITION.test(masked.slice(subj.start, subj.end).split(/\s/)[0].toLowerCase())) {
        // "In an interview with the Post Trump said …": the name closing the phrase is the subject.
        const r: Range = subj;
        let named: Range | null = null;
        for (let mi = firstMention(r.start); mi < mentions.length && mentions[mi].start < r.end; mi++) {
          if (mentions[mi].end === r.end && mentions[mi].start > r.start) named = { start: mentions[mi].start, end: mentions[mi].end };
        }
        subj = named;
      }
      if (subj) {
        const sw = wordsIn(masked, subj.start, subj.end);
        const lastW = sw[sw.length - 1]?.w;
        if (/^(?:and|but|or|then)$/.test(lastW ?? '')) subj = firstSubject(unit, subj.start); // "X blamed Y and said" 
        else if (sw.length === 1 && /^(?:that|which)$/.test(lastW ?? '')) subj = null;
        else if (isIng && sw.length && !isVerbLikeAt(subj.start)) {
          // "Trump unleashed a series of tweets saying …": the main clause's subject speaks.
          const before = wordsIn(masked, unit.start, subj.start);
          const prev = before[before.length - 1];
          if (prev && !/[,\u0001]/.test(masked.slice(prev.end, subj.start)) && isVerbLikeAt(prev.start)) subj = subjectBefore(masked, unit.start, prev.start, tags, isCue) ?? subj;
        }
      }
      if (!subj) {
        if (isIng) {
          const speaker = firstSubject(unit, cs);
          const after = contentAfter(ce, unit, form);
          if (speaker) out.push({ unit, kind: 'participle', cue, speaker, content: { start: after.start, end: unit.end }, strength: kind, marked: after.marked, addressee: after.addressee });
        }
        continue;
      }
      const beforeSubj = wordsIn(masked, unit.start, subj.start);
      const gapBeforeSubj = masked.slice(beforeSubj.length ? beforeSubj[beforeSubj.length - 1].end : unit.start, subj.start);
      const breakBefore = beforeSubj.length > 0 && /[,\u0001—]/.test(gapBeforeSubj);
      if (breakBefore || (beforeSubj.length === 0 && /\u0001/.test(gapBeforeSubj))) {
        const rest = masked.slice(ce, unit.end);
        const upTo = /^[^,;:\u0001]*/.exec(rest)![0];
        const restWords = wordsIn(masked, ce, ce + upTo.length);
        // What may follow a cue that closes its sentence: nothing, or when/where/how it was said.
        const adverbial = restWords.length === 0 || (restWords.length <= 8 && !restWords.some((w) => w.w === 'that') && ADVERBIAL_START.test(restWords[0].w));
        const breakAt = (beforeSubj.length ? beforeSubj[beforeSubj.length - 1].end : unit.start) + gapBeforeSubj.search(/[,\u0001—]/);
        // Right after a quotation the cue reports it, whatever follows ("…,” he said when pressed about …).
        const quoteOpensUnit = !/[\p{L}\p{N}]/u.test(masked.slice(unit.start, subj.start));
        const afterQuote = quoteOpensUnit && gapBeforeSubj.includes(MASK) && !/^\s*(?:that\b|:)/.test(rest);
        if (afterQuote && rest.includes(MASK)) {
          // “A,” he said, “B.”: both parts are his.
          out.push({ unit, kind: 'parenthetical', cue, speaker: subj, content: { start: unit.start, end: unit.end }, strength: kind, marked: true, addressee: null });
          continue;
        }
        if (afterQuote || adverbial && ce + upTo.length >= unit.end - 1 && /^[\s.!?]*$/.test(rest.slice(upTo.length).replace(/[\s.!?]+$/, '')) ) {
          const q = gapBeforeSubj.indexOf(MASK);
          const end = q >= 0 ? breakAt + gapBeforeSubj.slice(gapBeforeSubj.search(/[,\u0001—]/)).lastIndexOf(MASK) + 1 : breakAt;
          out.push({ unit, kind: 'post', cue, speaker: subj, content: { start: unit.start, end: Math.max(end, breakAt) }, strength: kind, marked: true, addressee: null });
          continue;
        }
        if (adverbial && rest[upTo.length] === ',') {
          out.push({ unit, kind: 'parenthetical', cue, speaker: subj, content: { start: unit.start, end: unit.end }, strength: kind, marked: true, addressee: null });
          continue;
        }
      }
      const after = contentAfter(ce, unit, form);
      // "When Putin offered to mediate, Trump brushed it aside": a subordinate clause's report
      // ends at its comma.
      let end = unit.end;
      if (beforeSubj.length && /^(?:when|while|if|as|after|because|although|though|since|before|once|until|unless|whereas)$/.test(beforeSubj[0].w) && beforeSubj.length <= 2) {
        const comma = masked.slice(after.start, unit.end).search(/,\s/);
        if (comma > 0) end = after.start + comma;
      }
      out.push({ unit, kind: 'pre', cue, speaker: subj, content: { start: after.start, end }, strength: kind, marked: after.marked, addressee: after.addressee });
    }
    return out;
  }

  function quotesInside(r: Range): QuotedSpan[] {
    return quoted.filter((q) => q.start >= r.start && q.end <= r.end);
  }

  function accepts(f: Frame): boolean {
    // "Meeks said donors who want to see …": a stance inside reported speech is part of what was said.
    if (f.strength === 'stance' && f.cue && frames.some((g) => g !== f && g.strength !== 'stance' && g.content.start <= f.cue!.start && f.cue!.end <= g.content.end)) return false;
    // "called the talks constructive", "dismissed the comments as emotional": naming and judging
    // verbs report a view when a quotation or a phrase of some length follows ("called Putin" does not).
    if (f.strength === 'naming') return quotesInside(f.content).length > 0 || (f.kind === 'pre' && hasWords(masked, f.content, 4));
    if (f.strength === 'clause') return f.kind !== 'pre' && f.kind !== 'participle' ? true : f.marked;
    if (f.strength === 'stance' && f.kind !== 'pre' && f.kind !== 'participle') return false; // "…, he wants" is no attribution
    return true;
  }

  function speakerActor(spRange: Range | null): string | null {
    if (!spRange) return null;
    // Not inside a relative clause: "officials who observed the Russian leader".
    const rel = /\s(?:who|which|that|whose)\s/.exec(text.slice(spRange.start, spRange.end));
    const sp = rel ? { start: spRange.start, end: spRange.start + rel.index } : spRange;
    // The head comes before the first comma ("Phil Lovas, the chairman"); an apposition names
    // the speaker only when the head does not ("The state’s chairman, Phil Lovas,").
    const comma = text.slice(sp.start, sp.end).indexOf(',');
    const parts = comma > 0 ? [{ start: sp.start, end: sp.start + comma }, { start: sp.start + comma, end: sp.end }] : [sp];
    for (const part of parts) {
      let person: Mention | null = null;
      let other: Mention | null = null;
      let possessor: Mention | null = null;
      for (let mi = firstMention(part.start); mi < mentions.length; mi++) {
        const m = mentions[mi];
        if (m.end <= part.start) continue;
        if (m.start >= part.end) break;
        const before = text.slice(Math.max(part.start, m.start - 9), m.start);
        if (m.start > part.start && /\b(?:of|for|by|from|with|to|at|in|on|about|against|toward)\s+(?:the\s+)?$/.test(before)) continue;
        if (/^(?:’s|'s)/.test(text.slice(m.end, m.end + 2)) && m.end < part.end - 2) {
          possessor ??= m; // "Trump’s condemnation": the owner speaks only when nobody else does
          continue;
        }
        // The rightmost name is the head: "Trump administration special envoy Steve Witkoff".
        if (m.type === 'PERSON' || m.kind === 'pronoun') person = m;
        else other ??= m;
      }
      const m = person ?? other ?? possessor;
      if (m) return m.actor;
    }
    return null;
  }

  function mentionedActors(r: Range, exclude: string | null): string[] {
    const ids = new Set<string>();
    for (let mi = firstMention(r.start); mi < mentions.length; mi++) {
      const m = mentions[mi];
      if (m.end <= r.start) continue;
      if (m.start >= r.end) break;
      if (m.actor && m.actor !== exclude) ids.add(m.actor);
    }
    return [...ids];
  }

  function channelOf(f: Frame): string | null {
    if (!matcher.channelRe || !f.cue) return null;
    const from = Math.min(f.cue.start, f.speaker?.start ?? f.cue.start);
    const to = f.content.start > f.cue.end ? f.content.start : f.unit.end;
    const m = matcher.channelRe.exec(masked.slice(from, to));
    return m ? m[0] : null;
  }

  function dateOf(f: Frame): string | null {
    let best: { d: number; v: string } | null = null;
    for (const t of doc.times) {
      if (t.end <= f.unit.start) continue;
      if (t.start >= f.unit.end) break;
      if (!t.value) continue;
      if (t.start < f.content.end && t.end > f.content.start) continue;
      if (masked.slice(t.start, t.end).includes(MASK)) continue;
      const d = f.cue ? Math.abs(t.start - f.cue.start) : 0;
      if (!best || d < best.d) best = { d, v: t.value };
    }
    return best ? best.v : doc.published;
  }

  function quoteFrom(r: Range, direct: boolean, f: Frame | null): Quote {
    const actor = f ? speakerActor(f.speaker) : null;
    const about = mentionedActors(r, actor);
    if (f?.addressee) for (const a of mentionedActors(f.addressee, actor)) if (!about.includes(a)) about.push(a);
    // Spelt out rather than spread from span(): the spread copy was most of this function's time.
    return {
      start: r.start,
      end: r.end,
      text: text.slice(r.start, r.end),
      direct,
      speaker: f?.speaker ? span(text, f.speaker.start, f.speaker.end) : null,
      actor,
      cue: f?.cue ? span(text, f.cue.start, f.cue.end) : null,
      about,
      channel: f ? channelOf(f) : null,
      date: f ? dateOf(f) : doc.published,
    };
  }

  /** “Morning Joe”, “State of the Union”, “The Apprentice”: a title, not something said. */
  function titleLike(q: QuotedSpan): boolean {
    const inner = text.slice(q.start, q.end);
    if (/[!?]$/.test(inner) || /,./.test(inner)) return false; // “Vladimir, STOP!” is said, not a title
    const words = inner.replace(/[.,]+$/, '').split(/\s+/);
    if (words.length > 6) return false;
    return words.every((w) => /^[\p{Lu}\p{N}(]/u.test(w) || /^(?:of|the|a|an|and|in|on|for|to|at|with|or|from|by)$/.test(w));
  }

  function statementLike(q: QuotedSpan): boolean {
    const words = q.end - q.start > 0 ? text.slice(q.start, q.end).split(/\s+/).length : 0;
    if (q.continued || q.runsOn || words >= 6) return true;
    return words >= 2 && /[.!?]$/.test(text.slice(q.start, q.end));
  }

  function assemble(): Quote[] {
    const accepted = frames.filter(accepts);
    const out: Quote[] = [];
    // "…, he said:" closing a paragraph introduces the quotation that opens the next one.
    const intros = new Map<number, Frame>();
    for (const f of accepted) {
      const c = trimRange(text, f.content);
      if (f.kind === 'pre' && c.end - c.start <= 1 && masked.slice(f.cue!.end, f.unit.end).trim().endsWith(':')) intros.set(f.unit.paragraph + 1, f);
    }
    let lastAttributed: { q: QuotedSpan; f: Frame } | null = null;
    for (const q of quoted) {
      let best: Frame | null = null;
      // A quoted transcript line names its speaker first: "PENCE: Well, look, …".
      const label = /^([A-Z][A-Z.’'-]+(?:\s[A-Z][A-Z.’'-]+){0,2}):\s/.exec(text.slice(q.start, q.end));
      if (label && /[A-Z]{2}/.test(label[1])) {
        const at = q.start + label[1].length;
        const f: Frame = { unit: units.find((u) => u.start <= q.start && q.start < u.end) ?? units[0], kind: 'colon', cue: { start: at, end: at + 1 }, speaker: { start: q.start, end: at }, content: { start: q.start, end: q.end }, strength: 'label', marked: true, addressee: null };
        out.push(quoteFrom({ start: q.start, end: q.end }, true, f));
        lastAttributed = { q, f };
        continue;
      }
      for (const f of accepted) {
        if (f.content.start <= q.open && q.end <= f.content.end && best?.kind !== 'intro' && (!best || f.kind === 'intro' || f.content.end - f.content.start > best.content.end - best.content.start)) best = f;
      }
      const opensParagraph = paras[q.paragraph].start >= q.open - 1;
      if (!best && opensParagraph && intros.has(q.paragraph)) best = intros.get(q.paragraph)!;
      if (!best && lastAttributed && statementLike(q)) {
        const prevPara = lastAttributed.q.paragraph;
        const unitHasFrame = accepted.some((f) => f.unit.paragraph === q.paragraph && f.unit.start <= q.open && q.open < f.unit.end);
        if (!unitHasFrame && (prevPara === q.paragraph || (prevPara === q.paragraph - 1 && (q.continued || opensParagraph)))) best = lastAttributed.f;
      }
      if (!best && !statementLike(q)) continue; // scare quotes, titles and terms
      if (titleLike(q) && (!best || best.strength !== 'naming')) continue;
      if (best) lastAttributed = { q, f: best };
      out.push(quoteFrom({ start: q.start, end: q.end }, true, best));
    }
    for (const f of accepted) {
      if (f.kind === 'intro') continue; // it only introduces the quotation after it
      const c = trimRange(text, f.content);
      if (c.end <= c.start) continue;
      // Reported speech is kept when it says more than the quotations inside it.
      if (!hasWords(masked, c, quotesInside(c).length ? 4 : 2)) continue;
      out.push(quoteFrom(c, false, f));
    }
    return out.sort((a, b) => a.start - b.start || a.end - b.end);
  }
}

export const quotesStage: StageFactory = (options: PipelineOptions): Stage => {
  const matcher = buildMatcher(speechLexicon(options.lexicons ?? []));
  return {
    name: 'quotes',
    run(doc: Document): void {
      doc.quotes = findQuotes(doc, { matcher });
    },
  };
};

export type { Span };
