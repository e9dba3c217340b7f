// Stage `entities`: PERSON, ORG, COUNTRY, LOCATION and GROUP spans (doc.entities) from the
// lexicon (actor dictionary, countries, demonyms, places) and from capitalisation and context
// patterns for names nobody listed: title prefixes ("Gen.", "Treasury Secretary"), given names,
// organisation and place suffixes ("Ministry", "River"), appositions ("X, a spokesman for Y").
import type { Document, Entity, EntityType, Token } from '../document.js';
import type { Stage, StageFactory } from '../pipeline.js';
import { tokenSurfaces } from './surfaces.js';
import { actorIdFor, loadLexicon, tokenKeys, type GazEntry, type Lexicon, type TrieNode } from './lexicon.js';

const ORG_SUFFIX = new Set([
  'ministry', 'council', 'party', 'agency', 'bank', 'corp', 'corp.', 'corporation', 'inc', 'inc.', 'ltd', 'ltd.', 'plc',
  'co', 'co.', 'company', 'group', 'committee', 'organization', 'organisation', 'union', 'association', 'institute',
  'university', 'college', 'center', 'centre', 'fund', 'commission', 'army', 'navy', 'forces', 'force', 'court',
  'parliament', 'senate', 'congress', 'department', 'office', 'service', 'services', 'news', 'times', 'post', 'journal',
  'press', 'guard', 'federation', 'league', 'foundation', 'board', 'authority', 'bureau', 'police', 'brigade',
  'battalion', 'regiment', 'command', 'assembly', 'cabinet', 'government', 'administration', 'club', 'airlines',
  'airways', 'newswires', 'wire', 'newsroom', 'motors', 'ag', 'gmbh', 'sa', 'nv', 'bv', 'spa', 'llc', 'brothers', 'industries', 'holdings', 'systems', 'technologies', 'energy', 'oil', 'gas', 'petroleum',
  'telecom', 'communications', 'media', 'network', 'channel', 'tv', 'radio', 'magazine', 'herald', 'tribune',
  'gazette', 'exchange', 'reserve', 'treasury', 'pentagon', 'movement', 'front', 'alliance', 'coalition', 'church',
  'school', 'hospital', 'laboratory', 'lab', 'labs', 'institution', 'secretariat', 'directorate', 'unit', 'team',
  'watch', 'international', 'forum', 'fc', 'united', 'city', 'rovers', 'wanderers', 'athletic', 'hotspur', 'society', 'trust', 'partners', 'capital',
  'securities', 'investments', 'insurance', 'electric', 'airport', 'railways', 'reuters',
]);
// Heads that open an organisation name continued by "of"/"for": "Bank of England".
const ORG_HEAD = new Set([
  'ministry', 'bank', 'university', 'institute', 'council', 'department', 'organization', 'organisation', 'office',
  'bureau', 'court', 'commission', 'committee', 'federation', 'league', 'association', 'union', 'party', 'center',
  'centre', 'house', 'chamber', 'board', 'fund', 'agency', 'academy', 'school', 'college', 'church', 'army', 'corps',
  'conference', 'forces', 'movement', 'front', 'command', 'secretariat', 'order', 'society', 'club', 'state',
]);
const LOC_SUFFIX = new Set([
  'river', 'mountains', 'mountain', 'mount', 'island', 'islands', 'province', 'region', 'oblast', 'strait', 'sea',
  'bay', 'valley', 'street', 'square', 'peninsula', 'lake', 'ocean', 'desert', 'county', 'district', 'state', 'gulf',
  'coast', 'heights', 'basin', 'plain', 'hills', 'canal', 'park', 'avenue', 'road', 'bridge', 'border', 'krai',
]);
const CONNECTOR = new Set(['of', 'for', 'the', 'and', 'on', '&', 'de', 'du', 'des', 'la', 'le', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'in']);
const NAME_PARTICLE = new Set(['al', 'el', 'bin', 'ibn', 'von', 'van', 'der', 'den', 'de', 'da', 'di', 'du', 'le', 'la', 'abu', 'ben', 'bint', 'dos', 'del', 'ter', 'zu']);
const TIME_WORD = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan.', 'feb.', 'mar.', 'apr.',
  'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.', 'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'christmas', 'easter', 'ramadan',
]);
// Capitalised words that open sentences or headings and name nothing.
const NOT_NAME = new Set([
  'i', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'we', 'they', 'you', 'but', 'and', 'or',
  'if', 'when', 'while', 'as', 'so', 'yet', 'still', 'also', 'however', 'meanwhile', 'despite', 'after', 'before', 'on',
  'in', 'at', 'by', 'for', 'with', 'from', 'to', 'of', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'there',
  'here', 'what', 'who', 'why', 'how', 'where', 'which', 'no', 'not', 'yes', 'mr', 'ok', 'okay', 'analysis',
  'executive', 'summary', 'update', 'breaking', 'opinion', 'editorial', 'photo', 'video', 'advertisement', 'read',
  'more', 'related', 'share', 'today', 'tomorrow', 'yesterday', 'now', 'then', 'even', 'some', 'many', 'most', 'all',
  'every', 'each', 'any', 'both', 'one', 'two', 'three', 'first', 'last', 'next', 'new', 'other', 'such', 'only',
  'just', 'please', 'thank', 'thanks', 'dear', 'why', 'will', 'would', 'could', 'should', 'can', 'may', 'might',
  'must', 'do', 'does', 'did', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'said', 'says',
  'according', 'asked', 'amid', 'among', 'under', 'over', 'about', 'into', 'during', 'since', 'until', 'though',
  'although', 'because', 'unless', 'whether', 'without', 'against', 'between', 'through', 'via', 'per', 'nor',
  'instead', 'indeed', 'perhaps', 'maybe', 'neither', 'either', 'several', 'few', 'once', 'again', 'well', 'very',
  'write', 'copyright', 'disclaimer', 'story', 'reporting', 'editing', 'sources', 'source', 'officials', 'official',
  'earlier', 'later', 'ahead', 'like', 'unlike', 'sunday', 'interesting', 'ask', 'vladimir', 'stop', 'its',
]);
// Words that make a capitalised stretch an event, a competition, a law or an award, not a person:
// "World Cup", "Grand Prix", "Minsk Agreement".
const NOT_PERSON_WORD = new Set([
  'cup', 'championship', 'championships', 'open', 'games', 'olympics', 'olympic', 'prix', 'slam', 'league', 'series',
  'trophy', 'tour', 'award', 'awards', 'prize', 'summit', 'conference', 'forum', 'festival', 'act', 'bill', 'law', 'treaty',
  'accord', 'accords', 'agreement', 'plan', 'day', 'war', 'revolution', 'crisis', 'index', 'stakes', 'derby', 'classic',
  'marathon', 'rally', 'grand', 'world', 'doctrine', 'protocol', 'convention', 'charter', 'declaration', 'initiative',
  'program', 'programme', 'project', 'operation', 'deal', 'format', 'talks', 'process', 'strategy', 'policy', 'report',
  'cyclone', 'hurricane', 'typhoon', 'storm', 'tropical', 'baseball', 'football', 'soccer', 'basketball', 'hockey', 'tennis', 'golf', 'cricket', 'rugby', 'athletics', 'cycling',
]);
const NOT_ACRONYM = new Set(['AI', 'NOTE', 'RBI', 'HK', 'GDP', 'COVID', 'HIV', 'AIDS', 'DNA', 'GPS', 'IT', 'PR', 'ID', 'IDS', 'VIP', 'SUV', 'LNG', 'GMO', 'FAQ', 'RIP', 'LGBT', 'LGBTQ', 'TB', 'GMT', 'EST', 'EDT', 'PST', 'BST', 'CET', 'ET', 'AM', 'PM', 'OK', 'TV', 'JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'SEPT', 'OCT', 'NOV', 'DEC', 'CEO', 'PCT', 'NO', 'AT', 'IN', 'ON', 'OF', 'TO', 'THE', 'AND', 'FOR', 'BY', 'II', 'III', 'IV', 'VS', 'LTD', 'INC', 'PLC', 'CO', 'DM', 'US', 'UK', 'EU', 'UN']);
const PERSON_CONTEXT_NOUN = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'official', 'minister', 'president', 'adviser', 'advisor', 'aide',
  'analyst', 'expert', 'fellow', 'professor', 'director', 'chief', 'head', 'leader', 'member', 'senator', 'lawmaker',
  'ambassador', 'envoy', 'diplomat', 'commander', 'general', 'officer', 'researcher', 'economist', 'journalist',
  'reporter', 'correspondent', 'secretary', 'chairman', 'chairwoman', 'founder', 'executive', 'negotiator', 'former',
  'senior', 'deputy', 'veteran', 'resident', 'mother', 'father', 'son', 'daughter', 'wife', 'husband', 'lawyer',
  'attorney', 'scientist', 'historian', 'author', 'writer', 'editor', 'critic', 'speechwriter', 'politician', 'player',
  'coach', 'manager', 'striker', 'representative', 'mayor', 'governor', 'candidate', 'partner', 'owner', 'student',
]);

// One-character tokens after which a capitalised word starts a clause, as at a sentence start.
const SENTENCE_OPENERS = '"“‘\'(-—–:';

interface Run {
  from: number;
  to: number; // exclusive, token indices
}

export interface EntityOptions {
  lexicon: Lexicon;
}

function isUpperStart(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && s[0] !== s[0].toLowerCase());
}

function match(trie: TrieNode, keys: string[], i: number, end: number): { value?: GazEntry; title?: { gender: 'male' | 'female' | null; length: number } } {
  let node: TrieNode | undefined = trie;
  let value: GazEntry | undefined;
  let title: { gender: 'male' | 'female' | null; length: number } | undefined;
  for (let j = i; j < end && node; j++) {
    node = node.next.get(keys[j]);
    if (!node) break;
    if (node.value) value = node.value;
    if (node.title) title = node.title;
  }
  return { value, title };
}

/** Find entity spans in a tokenised text. */
export function findEntities(text: string, tokens: Token[], lex: Lexicon): Entity[] {
  const n = tokens.length;
  const raw = tokenSurfaces(text, tokens);
  const keys = tokenKeys(text, tokens);
  const sentEndAt = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) sentEndAt[i] = i + 1 < n && tokens[i + 1].sentence === tokens[i].sentence ? sentEndAt[i + 1] : i + 1;
  const out: Entity[] = [];
  const sentEnd = (i: number) => sentEndAt[i];
  const isSentStart = (i: number) => i === 0 || tokens[i - 1].sentence !== tokens[i].sentence || (raw[i - 1].length === 1 && SENTENCE_OPENERS.includes(raw[i - 1]));
  const glued = (a: number, b: number) => tokens[a].end === tokens[b].start;

  // A headline in capitals: every word looks like a name, so trust only the lexicon there.
  const shouting = new Set<number>();
  {
    let s = 0;
    while (s < n) {
      const e = sentEnd(s);
      // One pass, on character codes: letters, all-capital words, capitalised content words.
      let up = 0;
      let letters = 0;
      let content = 0;
      let caps = 0;
      let digits = false;
      for (let j = s; j < e; j++) {
        const r = raw[j];
        const c0 = r.charCodeAt(0);
        const upper0 = c0 >= 65 && c0 <= 90;
        const lower0 = c0 >= 97 && c0 <= 122;
        let hasLetter = upper0 || lower0;
        let allUpper = r.length > 1;
        for (let k = 0; k < r.length; k++) {
          const c = r.charCodeAt(k);
          if (c >= 97 && c <= 122) {
            hasLetter = true;
            allUpper = false;
          } else if (c >= 65 && c <= 90) hasLetter = true;
          else if ((c >= 48 && c <= 57) || c === 44 || c === 40 || c === 41) digits = true;
        }
        if (hasLetter) {
          letters++;
          if (allUpper) up++;
        }
        // A heading in title case ("Trump Faces Challenges in Ukraine Peace Efforts"): no final
        // punctuation and nearly every content word capitalised.
        if ((upper0 || lower0) && !(lower0 && r.length <= 3)) {
          content++;
          if (upper0) caps++;
        }
      }
      if (letters >= 3 && up / letters > 0.6) shouting.add(tokens[s].sentence);
      if (!digits && content >= 3 && caps / content > 0.75 && !/[.!?"”:]$/.test(raw[e - 1])) shouting.add(tokens[s].sentence);
      s = e;
    }
  }

  const nameLike = (i: number): boolean => {
    const r = raw[i];
    if (!isUpperStart(r)) return false;
    const k = keys[i];
    if (TIME_WORD.has(k)) return false;
    if (isSentStart(i) && (NOT_NAME.has(k) || (tokens[i].pos !== 'PROPN' && !lex.trie.next.get(k)?.value && !lex.givenNames.has(r)))) {
      // "NEW YORK 1996-08-22": a lexicon name may start a sentence with a common word.
      if (!match(lex.trie, keys, i, Math.min(n, i + 6)).value || match(lex.trie, keys, i, Math.min(n, i + 6)).value!.length < 2) return false;
    }
    if (k === 'i' || k === "i'm") return false;
    return true;
  };

  let i = 0;
  while (i < n) {
    if (!nameLike(i)) {
      i++;
      continue;
    }
    // Grow a run of capitalised tokens, with hyphens between glued names and name particles.
    const run: Run = { from: i, to: i + 1 };
    const end = sentEnd(i);
    let j = i + 1;
    while (j < end) {
      if (nameLike(j) && !isSentStart(j)) {
        run.to = ++j;
        continue;
      }
      if ((raw[j] === '-' || raw[j] === '.') && j + 1 < end && glued(j - 1, j) && glued(j, j + 1) && nameLike(j + 1)) {
        run.to = j += 2;
        continue;
      }
      if (NAME_PARTICLE.has(keys[j]) && j + 1 < end && nameLike(j + 1) && !CONNECTOR.has(keys[j]) ) {
        run.to = j += 2;
        continue;
      }
      if (raw[j] === '-' && NAME_PARTICLE.has(keys[j - 1]) && j + 1 < end && nameLike(j + 1)) {
        run.to = j += 2;
        continue;
      }
      // "Bank of England", "Institute for the Study of War": connectors after an org head.
      if (CONNECTOR.has(keys[j]) && keys[j] !== 'and' && hasOrgHead(keys, run)) {
        let k = j;
        while (k < end && CONNECTOR.has(keys[k])) k++;
        if (k < end && nameLike(k) && k - j <= 2) {
          run.to = j = k + 1;
          continue;
        }
      }
      break;
    }
    classifyRun(run, raw, keys, tokens, lex, out, text, shouting.has(tokens[i].sentence));
    i = run.to;
  }
  propagate(out, raw, keys, tokens, text, lex);
  return out;
}

function hasOrgHead(keys: string[], run: Run): boolean {
  for (let k = run.from; k < run.to; k++) if (ORG_HEAD.has(keys[k])) return true;
  return false;
}

function push(out: Entity[], text: string, tokens: Token[], from: number, to: number, type: EntityType, extra: Partial<Entity> = {}): void {
  const start = tokens[from].start;
  const end = tokens[to - 1].end;
  out.push({ start, end, text: text.slice(start, end), type, ...extra });
}

function classifyRun(run: Run, raw: string[], keys: string[], tokens: Token[], lex: Lexicon, out: Entity[], text: string, shouting: boolean): void {
  const last = keys[run.to - 1];
  // An organisation or place suffix names the whole run ("Carnegie Russia Eurasia Center").
  let from = run.from;
  // "General Motors", "Chief Executives Board": an organisation suffix wins over a leading title word.
  if (!shouting && run.to - run.from >= 2 && ORG_SUFFIX.has(last) && !raw.slice(run.from, run.to).some((r) => lex.givenNames.has(r))) {
    const whole = match(lex.trie, keys, run.from, run.to);
    if (!(whole.value && whole.value.length === run.to - run.from)) return push(out, text, tokens, run.from, run.to, 'ORG', { source: 'pattern' });
  }
  // Leading titles are not part of the name: "Treasury Secretary Scott Bessent".
  let gender: 'male' | 'female' | null = null;
  let titled = false;
  for (;;) {
    const m = match(lex.trie, keys, from, run.to);
    if (m.title && from + m.title.length < run.to && !(m.value && m.value.length > m.title.length)) {
      gender = m.title.gender ?? gender;
      titled = true;
      from += m.title.length;
      continue;
    }
    break;
  }
  if (run.to - from >= 2 && !shouting) {
    const whole = match(lex.trie, keys, from, run.to);
    const wholeIsLex = whole.value && whole.value.length === run.to - from;
    const orgOf = hasOrgHead(keys, { from, to: run.to }) && keys.slice(from, run.to).some((k) => k === 'of' || k === 'for');
    const orgWord = ORG_SUFFIX.has(last) || (run.to - from >= 3 && ORG_SUFFIX.has(keys[run.to - 2]));
    if (!wholeIsLex && (orgWord || orgOf) && !titled) return push(out, text, tokens, run.from === from ? from : from, run.to, 'ORG', { source: 'pattern' });
    if (!wholeIsLex && LOC_SUFFIX.has(last) && !titled) return push(out, text, tokens, from, run.to, 'LOCATION', { source: 'pattern' });
  }
  // A place inside a longer name of unknown words is a team or a company ("Seattle Mariners",
  // "Legia Warsaw"); a place alone in a results line is a team too.
  if (!shouting && !titled) {
    let place = 0;
    let unknown = 0;
    let other = 0;
    for (let j = from; j < run.to; ) {
      const m = match(lex.trie, keys, j, run.to);
      if (m.value) {
        if (m.value.type === 'LOCATION') place++;
        else other++;
        j += m.value.length;
      } else {
        if (lex.givenNames.has(raw[j]) || m.title) other++;
        else if (/^\p{Lu}/u.test(raw[j])) unknown++;
        j++;
      }
    }
    if (place === 1 && unknown >= 1 && other === 0 && !LOC_SUFFIX.has(last) && !lex.givenNames.has(raw[from])) return push(out, text, tokens, from, run.to, 'ORG', { source: 'pattern' });
    if (place === 1 && unknown === 0 && other === 0 && (scoreLine(from, run.to, raw, tokens) || standingsLine(from, run.to, raw, tokens))) {
      const m = match(lex.trie, keys, from, run.to);
      if (m.value && m.value.length === run.to - from) return push(out, text, tokens, from, run.to, 'ORG', { source: 'pattern' });
    }
  }
  // Segment the rest: lexicon matches, and the unknown stretches between them.
  let j = from;
  let pending = -1;
  // The unknown stretch pending before j is classified where it ends (written out at each place
  // rather than as a closure made per run: under tsx, keepNames makes each closure cost ~0.5 µs).
  while (j < run.to) {
    const m = match(lex.trie, keys, j, run.to);
    // A given name before a one-word name makes a new person: "Jason Stoltenberg", "Doug Ford".
    const absorb = m.value && pending >= 0 && pending < j && m.value.length === 1 && m.value.kind !== 'demonym' && m.value.kind !== 'country' &&
      lex.givenNames.has(raw[pending]) && (m.value.type === 'PERSON' ? m.value.kind === 'surname' || m.value.kind === 'alias' : true);
    // A lone surname followed by an unknown capitalised word is someone else ("Graham Gooch").
    const lone = m.value && m.value.kind === 'surname' && m.value.length === 1 && j + 1 < run.to && !match(lex.trie, keys, j + 1, run.to).value;
    if (m.value && !absorb && !lone) {
      // A given name before a lexicon surname makes a new person ("Lindsey Graham", not Graham).
      if (pending >= 0) classifyUnknown(pending, j, raw, keys, tokens, lex, out, text, titled && pending === from, gender, shouting);
      pending = -1;
      const v = m.value;
      push(out, text, tokens, j, j + v.length, v.type, { actor: v.actor, source: v.kind, gender: titled && j === from ? gender : null });
      j += v.length;
      continue;
    }
    if (m.title && j + m.title.length < run.to && !(m.value && m.value.length >= m.title.length)) {
      if (pending >= 0) classifyUnknown(pending, j, raw, keys, tokens, lex, out, text, titled && pending === from, gender, shouting);
      gender = m.title.gender;
      j += m.title.length;
      pending = j;
      titled = true;
      from = j;
      continue;
    }
    if (pending < 0) pending = j;
    j++;
  }
  if (pending >= 0) classifyUnknown(pending, run.to, raw, keys, tokens, lex, out, text, titled && pending === from, gender, shouting);
}

function classifyUnknown(
  from: number, to: number, raw: string[], keys: string[], tokens: Token[], lex: Lexicon, out: Entity[], text: string,
  titled: boolean, gender: 'male' | 'female' | null, shouting: boolean,
): void {
  // Drop stray particles and punctuation at the edges.
  while (from < to && (NAME_PARTICLE.has(keys[from]) || !/[\p{L}\p{N}]/u.test(raw[from]))) from++;
  while (to > from && !/[\p{L}\p{N}]/u.test(raw[to - 1])) to--;
  if (from >= to) return;
  // "M. Walker", "D.A. Weibring": initials before a surname.
  if (/^(\p{Lu}\.){1,3}$/u.test(raw[from]) && to - from >= 2) return push(out, text, tokens, from, to, 'PERSON', { source: 'pattern' });
  // A team in a results line: "Gloria Bistrita 2 Sion 1".
  if (!titled && scoreLine(from, to, raw, tokens)) return push(out, text, tokens, from, to, 'ORG', { source: 'pattern' });
  // "Farm Commissioner Franz Fischler": a given name inside the stretch starts the person.
  for (let k = from + 1; k < to - 1; k++) {
    const g = lex.givenNames.get(raw[k]);
    if (g && /^\p{Lu}\p{Ll}/u.test(raw[k + 1])) return push(out, text, tokens, k, to, 'PERSON', { source: 'pattern', gender: g });
  }
  const len = to - from;
  const given = lex.givenNames.get(raw[from]);
  if (titled) return push(out, text, tokens, from, to, 'PERSON', { source: 'pattern', gender: gender ?? given ?? null });
  if (given && len >= 2) return push(out, text, tokens, from, to, 'PERSON', { source: 'pattern', gender: given });
  const ctx = personContext(from, to, raw, keys, tokens);
  if (ctx === 'PERSON' && !shouting) return push(out, text, tokens, from, to, 'PERSON', { source: 'pattern', gender: given ?? null });
  if (ctx === 'ORG') return push(out, text, tokens, from, to, 'ORG', { source: 'pattern' });
  // In headings every word is capitalised: only the lexicon, or a name the body gives, is
  // trusted there (resolved in propagate()).
  if (shouting) return push(out, text, tokens, from, to, 'MISC', { source: 'shout' });
  const before = from > 0 && tokens[from - 1].sentence === tokens[from].sentence ? keys[from - 1] : '';
  if (!given && (before === 'in' || before === 'near' || before === 'outside') && len <= 3) return push(out, text, tokens, from, to, 'LOCATION', { source: 'pattern' });
  if (keys.slice(from, to).some((k) => NOT_PERSON_WORD.has(k))) return push(out, text, tokens, from, to, 'MISC', { source: 'pattern' });
  if (len >= 2 && len <= 3 && raw.slice(from, to).every((r) => /^\p{Lu}[\p{Ll}'’]+$/u.test(r))) {
    return push(out, text, tokens, from, to, 'PERSON', { source: 'pattern', gender: given ?? null });
  }
  // Unknown acronyms are mostly organisations (NCB, KDPI, ZDF).
  if (len === 1 && /^[A-Z][A-Z&]{1,5}$/.test(raw[from]) && !NOT_ACRONYM.has(raw[from])) return push(out, text, tokens, from, to, 'ORG', { source: 'pattern' });
  push(out, text, tokens, from, to, 'MISC', { source: 'pattern' });
}

// A score or a standings figure: "2", "17", not a year or a golf round.
function small(r: string): boolean {
  return /^\d{1,2}$/.test(r) && Number(r) < 40;
}

function scoreLine(from: number, to: number, raw: string[], tokens: Token[]): boolean {
  const s = tokens[from].sentence;
  if (to >= tokens.length || tokens[to].sentence !== s || !small(raw[to])) return false;
  // Results and standings ("Gloria Bistrita 2 Sion 1"), not golf cards ("Ian Woosnam 70 68").
  let nums = 0;
  for (let k = to; k < tokens.length && tokens[k].sentence === s; k++) {
    if (tokens[k].pos === 'VERB') return false;
    if (/^\d+$/.test(raw[k])) {
      if (!small(raw[k])) return false;
      nums++;
    }
  }
  for (let k = from - 1; k >= 0 && tokens[k].sentence === s; k--) {
    if (tokens[k].pos === 'VERB') return false;
    if (/^\d+$/.test(raw[k])) {
      if (!small(raw[k])) return false;
      nums++;
    }
  }
  return nums >= 2;
}

// "BALTIMORE 74 52 .587": a place followed by a row of figures (and no date) is a team.
function standingsLine(from: number, to: number, raw: string[], tokens: Token[]): boolean {
  const s = tokens[from].sentence;
  if (to >= tokens.length || tokens[to].sentence !== s || !/^\d+$/.test(raw[to])) return false;
  let nums = 0;
  for (let k = from - 1; k >= 0 && tokens[k].sentence === s; k--) if (/[a-z]/.test(raw[k])) return false;
  for (let k = to; k < tokens.length && tokens[k].sentence === s; k++) {
    if (/^(19|20)\d\d$/.test(raw[k]) || /[a-z]{2}/.test(raw[k])) return false;
    if (/^\d+$/.test(raw[k])) nums++;
  }
  return nums >= 2;
}

// The key of token k if it is in sentence s, else ''.
function keyIn(k: number, s: number, keys: string[], tokens: Token[]): string {
  return k >= 0 && k < tokens.length && tokens[k].sentence === s ? keys[k] : '';
}

// Context that makes an unknown name a person: "X, a spokesman for…", "X, who…", "said X,".
function personContext(from: number, to: number, raw: string[], keys: string[], tokens: Token[]): 'PERSON' | 'ORG' | null {
  const s = tokens[from].sentence;
  const next = keyIn(to, s, keys, tokens);
  if (next === ',') {
    const a = keyIn(to + 1, s, keys, tokens);
    if (a === 'who') return 'PERSON';
    if (a === 'a' || a === 'an' || a === 'the' || a === 'his' || a === 'her') {
      for (let k = to + 2; k < to + 7; k++) if (PERSON_CONTEXT_NOUN.has(keyIn(k, s, keys, tokens))) return 'PERSON';
    }
    if (PERSON_CONTEXT_NOUN.has(a)) return 'PERSON';
    // "X, 45, said": an age.
    if (/^\d{1,2}$/.test(a) && keyIn(to + 2, s, keys, tokens) === ',') return 'PERSON';
  }
  const b1 = keyIn(from - 1, s, keys, tokens);
  if ((b1 === 'said' || b1 === 'says' || b1 === 'told' || b1 === 'asked') && (next === ',' || next === '.' || next === '')) return 'PERSON';
  if (to - from >= 2 && (next === 'said' || next === 'says' || next === 'told')) return 'PERSON';
  if (PERSON_CONTEXT_NOUN.has(b1) && b1 !== 'former' && b1 !== 'senior') return 'PERSON';
  // "a spokesman for Y", "an official at Y": Y is an organisation.
  if ((b1 === 'for' || b1 === 'at') && PERSON_CONTEXT_NOUN.has(keyIn(from - 2, s, keys, tokens))) return 'ORG';
  return null;
}

// One name, one type per article: a bare surname after the full name is the same person, and a
// word typed confidently once keeps that type elsewhere ("Simmons" after "Phil Simmons").
function propagate(out: Entity[], raw: string[], keys: string[], tokens: Token[], text: string, lex: Lexicon): void {
  const known = new Map<string, Entity>();
  const upper = new Map<string, Entity>();
  for (const e of out) {
    if (e.type === 'MISC') continue;
    if (!known.has(e.text)) known.set(e.text, e);
    const u = e.text.toUpperCase();
    if (!upper.has(u)) upper.set(u, e);
    const parts = e.text.split(/\s+/);
    if (parts.length > 1 && e.type === 'PERSON') {
      // "Simmons" after "Phil Simmons"; "Saddam" after "Saddam Hussein".
      const sur = parts[parts.length - 1];
      if (!known.has(sur) || known.get(sur)!.type === 'PERSON') known.set(sur, e);
      if (!upper.has(sur.toUpperCase())) upper.set(sur.toUpperCase(), e);
      const first = parts[0];
      if (!lex.givenNames.has(first) && !known.has(first)) known.set(first, e);
    }
    if (parts.length > 1 && e.type === 'ORG') {
      // "the Commission" after "the European Commission".
      const head = parts[parts.length - 1];
      if (ORG_HEAD.has(head.toLowerCase()) && !known.has(head)) known.set(head, e);
    }
  }
  // "the Institute for the Study of War (ISW)": the acronym names the same actor from then on.
  for (let i = 0; i + 1 < out.length; i++) {
    const e = out[i];
    const acr = out[i + 1];
    if (e.type === 'MISC' || e.type === 'PERSON' || !/^[A-Z][A-Z&]{1,7}$/.test(acr.text)) continue;
    if (!/^\s*\($/.test(text.slice(e.end, acr.start)) || text[acr.end] !== ')') continue;
    const initials = e.text.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
    if (initials !== acr.text.replace(/&/g, '')) continue;
    const id = e.actor ?? actorIdFor(e.text);
    acr.type = e.type;
    acr.actor = id;
    acr.source = 'acronym';
    known.set(acr.text, { ...e, actor: id });
  }
  for (const e of out) {
    if (e.source === 'pattern' && e.type === 'ORG' && known.get(e.text)?.actor && known.get(e.text)!.text !== e.text) {
      e.actor = known.get(e.text)!.actor;
      continue;
    }
    if (e.type !== 'MISC' && !(e.type === 'PERSON' && e.source === 'pattern' && !e.text.includes(' '))) continue;
    const k = e.source === 'shout' ? upper.get(e.text) : known.get(e.text);
    if (k && k !== e) {
      e.type = k.type;
      // The short form is the same actor as the full one it repeats.
      e.actor = k.actor ?? (k.type === 'PERSON' || k.type === 'ORG' ? actorIdFor(k.text) : e.actor);
      e.gender = k.gender ?? e.gender;
      e.source = 'propagated';
    }
  }
  let w = 0;
  for (const e of out) if (e.source !== 'shout') out[w++] = e;
  out.length = w;
  void raw;
  void keys;
  void tokens;
  void text;
  void lex;
}

export const entitiesStage: StageFactory = (options): Stage => {
  const lex = loadLexicon(options.lexicons ?? [], options.actors);
  return {
    name: 'entities',
    run(doc: Document): void {
      doc.entities = findEntities(doc.text, doc.tokens, lex);
    },
  };
};
