// The one storage interface. SQLite (embedded default) and PostgreSQL implement it; callers
// never know which engine they hold. Every method is async so both engines fit.
import type { Actor, ActorType, Document, EventType, Modality } from '../document.js';

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page; null on the last page. */
  next: string | null;
}

export interface PageRequest {
  limit?: number;
  cursor?: string | null;
}

export type SaveStatus = 'stored' | 'duplicate' | 'near-duplicate';

export interface SaveResult {
  id: string;
  status: SaveStatus;
  /** For a near duplicate: the article it re-publishes. It is still stored, linked to it. */
  duplicateOf?: string | null;
}

export interface ArticleSummary {
  id: string;
  title: string | null;
  published: string | null;
  publisher: string | null;
  authors: string[];
  dateline: string | null;
  url: string | null;
  source: string | null;
  duplicateOf: string | null;
  ingestedAt: string;
  /** Short start of the body, for listings. */
  snippet: string;
  counts: { mentions: number; quotes: number; events: number };
}

export interface SearchHit extends ArticleSummary {
  /** Body excerpt around the match; plain text, never HTML. */
  excerpt: string;
  rank: number;
}

export interface ArticleFilter extends PageRequest {
  from?: string;
  to?: string;
  publisher?: string;
  actor?: string;
}

export interface IngestLogEntry {
  id?: number;
  at?: string;
  source: string;
  status: 'stored' | 'duplicate' | 'near-duplicate' | 'failed';
  articleId?: string | null;
  message?: string | null;
}

export interface ActorSummary extends Actor {
  mentions: number;
  articles: number;
}

/** Where a stored actor came from: found in article text (default) or added by a user. */
export type ActorOrigin = 'text' | 'user';

export interface ActorFilter extends PageRequest {
  type?: ActorType;
  search?: string;
}

export interface StoredQuote {
  id: number;
  articleId: string;
  articleTitle: string | null;
  published: string | null;
  start: number;
  end: number;
  text: string;
  direct: boolean;
  actor: string | null;
  actorName: string | null;
  speaker: string | null;
  cue: string | null;
  channel: string | null;
  date: string | null;
  about: string[];
}

export interface QuoteFilter extends PageRequest {
  by?: string;
  about?: string;
  from?: string;
  to?: string;
  search?: string;
  articleId?: string;
}

export interface StoredEvent {
  id: number;
  articleId: string;
  articleTitle: string | null;
  published: string | null;
  type: EventType;
  source: string | null;
  target: string | null;
  modality: Modality;
  date: string | null;
  intensity: number;
  trigger: { start: number; end: number; text: string };
  sentence: { start: number; end: number };
  /** The sentence's text, so an event carries its evidence. */
  evidence: string;
}

export interface EventFilter extends PageRequest {
  actor?: string;
  source?: string;
  target?: string;
  type?: EventType;
  from?: string;
  to?: string;
  articleId?: string;
}

export type DyadBucket = 'day' | 'week' | 'month';

export interface DyadQuery {
  /** Actor ids; each also stands for every actor affiliated to it (Peskov → Kremlin → RUS). */
  source: string;
  target: string;
  by?: DyadBucket;
  from?: string;
  to?: string;
  /** Only the two actors themselves, without their affiliates. */
  exact?: boolean;
}

/** One period of a directed dyad: what A did to B and how A spoke of B. Negated events are left out. */
export interface DyadPoint {
  /** Period start: YYYY-MM-DD for day and week (weeks start on Monday), YYYY-MM for month. */
  period: string;
  events: number;
  byType: Partial<Record<EventType, number>>;
  /** Mean event intensity (−10 … +10), null without events. */
  intensity: number | null;
  /** Quotes by A about B in the period, and their mean tone (−3 … +3). */
  quotes: number;
  tone: number | null;
}

export interface DyadSummary {
  source: string;
  target: string;
  events: number;
  intensity: number | null;
  quotes: number;
  tone: number | null;
  first: string | null;
  last: string | null;
}

export interface DyadFilter {
  actor?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export interface StoredPosition {
  id: number;
  articleId: string;
  articleTitle: string | null;
  published: string | null;
  actor: string;
  issue: string;
  stance: 'supports' | 'opposes' | 'conditional';
  date: string | null;
  evidence: { start: number; end: number; text: string };
  via: 'quote' | 'sentence' | 'event';
}

export interface PositionFilter extends PageRequest {
  actor?: string;
  issue?: string;
  from?: string;
  to?: string;
}

export interface StoreStats {
  articles: number;
  actors: number;
  quotes: number;
  events: number;
}

export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  /** Apply every pending migration; forward only. Returns the versions applied. */
  migrate(): Promise<number[]>;
  /** Store one processed document with all its layers, in one transaction. Idempotent. */
  saveDocument(doc: Document): Promise<SaveResult>;
  /** Store many in one transaction where the engine allows; one result per document, in order. */
  saveDocuments(docs: Document[]): Promise<SaveResult[]>;
  logIngest(entry: IngestLogEntry): Promise<void>;
  /** Many log entries in one write (one transaction, one round trip), in order. */
  logIngestMany(entries: IngestLogEntry[]): Promise<void>;
  /**
   * A bulk load begins (ingest calls it once an input runs past one batch): the engine may move
   * housekeeping off the writing thread until the returned function is called.
   */
  beginBulkLoad?(): () => Promise<void>;
  ingestLog(page?: PageRequest): Promise<Page<IngestLogEntry>>;

  getArticle(id: string): Promise<Document | null>;
  listArticles(filter?: ArticleFilter): Promise<Page<ArticleSummary>>;
  searchArticles(query: string, page?: PageRequest): Promise<Page<SearchHit>>;

  /** Insert or update actors (from lexicons, users or text); merging keeps every alias. */
  upsertActors(actors: Actor[], origin?: ActorOrigin): Promise<void>;
  /** Actors a user added (origin 'user'), by id: the pipeline uses them as an extra dictionary. */
  userActors(): Promise<Actor[]>;
  getActor(idOrName: string): Promise<ActorSummary | null>;
  listActors(filter?: ActorFilter): Promise<Page<ActorSummary>>;

  quotes(filter?: QuoteFilter): Promise<Page<StoredQuote>>;
  events(filter?: EventFilter): Promise<Page<StoredEvent>>;

  // Analysis queries (migration 3), implemented by both engines.
  /** A directed dyad as a time series, aggregated in the database. */
  dyadSeries(query: DyadQuery): Promise<DyadPoint[]>;
  /** Actor pairs with events or quotes between them, most active first (exact ids, no roll-up). */
  dyads(filter?: DyadFilter): Promise<DyadSummary[]>;
  /** Stated positions on issues, oldest first. */
  positions(filter?: PositionFilter): Promise<Page<StoredPosition>>;

  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 1000;

export function pageLimit(page?: PageRequest): number {
  const n = page?.limit ?? DEFAULT_PAGE;
  return Math.max(1, Math.min(MAX_PAGE, Math.floor(n)));
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): unknown[] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v)) return v;
  } catch {
    /* fall through to the error below */
  }
  throw new StoreError(`invalid cursor: ${cursor}`, 'bad-request');
}

export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: 'bad-request' | 'not-found' | 'conflict' | 'unavailable',
  ) {
    super(message);
  }
}
