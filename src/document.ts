// The Document is the one object every pipeline stage reads and extends. Its JSON form is the
// document contract of PRODUCT.md: keep these field names stable, add fields freely.
// Every offset is a JavaScript string index (UTF-16 code units) into `text`, end exclusive.

export type ActorType = 'PERSON' | 'COUNTRY' | 'ORG' | 'GROUP' | 'LOCATION';
export type EntityType = ActorType | 'MISC';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Sentence {
  start: number;
  end: number;
}

export interface Token {
  start: number;
  end: number;
  /** Universal POS tag (wink-nlp): NOUN, PROPN, VERB, AUX, PRON, ADP, PUNCT … */
  pos: string;
  /** Lower-cased normal form or lemma when known. */
  lemma: string;
  /** Index of the sentence holding this token. */
  sentence: number;
}

/** A named-entity span found by the NER stage, before actor resolution. */
export interface Entity extends Span {
  type: EntityType;
  /** Actor id when a lexicon names the span; the actors stage resolves the others. */
  actor?: string | null;
  /** How the span was found: name, alias, surname, demonym, capital, place, country, pattern. */
  source?: string;
  /** Gender implied by a title or given name ("Mrs.", "Mary"), for pronoun resolution. */
  gender?: 'male' | 'female' | null;
}

export interface Actor {
  /** Stable across the whole corpus: the same real actor has the same id in every article. */
  id: string;
  name: string;
  type: ActorType;
  aliases: string[];
  role: string | null;
  /** ISO 3166 alpha-3 code or country actor id the actor belongs to, when known. */
  country: string | null;
  /** Actor id this actor belongs to (Peskov → Kremlin → Russia), used to roll relations up. */
  affiliation?: string | null;
}

export type MentionKind = 'name' | 'title' | 'role' | 'pronoun' | 'metonym' | 'demonym';

export interface Mention extends Span {
  actor: string;
  type: ActorType;
  kind?: MentionKind;
}

export interface TimeExpr extends Span {
  /** YYYY-MM-DD, YYYY-MM or YYYY; null when it cannot be anchored. */
  value: string | null;
  /** Upper bound for ranges ("the end of December or early next year"). */
  endValue?: string | null;
}

export interface Quote extends Span {
  direct: boolean;
  speaker: Span | null;
  actor: string | null;
  cue: Span | null;
  about: string[];
  channel?: string | null;
  /** The utterance's own date when the text gives one, else the article's. */
  date?: string | null;
  /** Warm (+) or hostile (−) wording, −3…+3, from lexicons/tone.yaml (set by the positions stage). */
  tone?: number;
}

export const EVENT_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export type Modality = 'asserted' | 'planned' | 'threatened' | 'hypothetical' | 'negated';

export interface Event {
  type: EventType;
  source: string | null;
  target: string | null;
  modality: Modality;
  date: string | null;
  intensity: number;
  trigger: Span;
  sentence: Sentence;
}

export type Stance = 'supports' | 'opposes' | 'conditional';

/** Where an actor stands on an issue (lexicons/issues.yaml), with the words that say so. */
export interface Position {
  actor: string;
  issue: string;
  stance: Stance;
  date: string | null;
  /** The quote or sentence that states the position (for an event: its sentence). */
  evidence: Span;
  /** quote: the actor's own words; sentence: the narrative says so; event: what the actor did ("paused arms deliveries"). */
  via: 'quote' | 'sentence' | 'event';
}

export interface Document {
  id: string;
  title: string | null;
  published: string | null;
  publisher: string | null;
  authors: string[];
  dateline: string | null;
  /** Cleaned body; every offset in every layer indexes this string. */
  text: string;
  url?: string | null;
  /** Where the document came from: a path, a URL, `stdin`, `feed:<url>#<n>` … */
  source?: string | null;
  language?: string;
  sentences: Sentence[];
  tokens: Token[];
  entities: Entity[];
  actors: Actor[];
  mentions: Mention[];
  times: TimeExpr[];
  quotes: Quote[];
  events: Event[];
  positions?: Position[];
}

export type DocumentMeta = Pick<
  Document,
  'id' | 'title' | 'published' | 'publisher' | 'authors' | 'dateline' | 'url' | 'source'
>;

export function emptyDocument(meta: Partial<DocumentMeta> & { id: string; text: string }): Document {
  return {
    title: null,
    published: null,
    publisher: null,
    authors: [],
    dateline: null,
    url: null,
    source: null,
    ...meta,
    sentences: [],
    tokens: [],
    entities: [],
    actors: [],
    mentions: [],
    times: [],
    quotes: [],
    events: [],
  };
}

export function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}
