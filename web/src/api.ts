// The web app's one door to the server. Types come from the library so both sides agree.
import type { ContractDocument, ContractRow, SourceRef } from '../../src/contract.js';
import type { EventType } from '../../src/document.js';
import type { ActorSummary, ArticleSummary as StoredSummary, IngestLogEntry, Page, SearchHit as StoredHit, StoredEvent, StoredQuote } from '../../src/store/store.js';

// Articles arrive in the document contract's shape (`source` is a SourceRef), as the API sends them.
export type Document = ContractDocument;
export type ArticleSummary = ContractRow<StoredSummary>;
export type SearchHit = ContractRow<StoredHit>;
export type { EventType, ActorSummary, IngestLogEntry, Page, SourceRef, StoredEvent, StoredQuote };
export type { Actor, Quote, Event, Mention, TimeExpr } from '../../src/document.js';

export const EVENT_TYPES: EventType[] = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
];

export interface Status {
  version: string;
  engine: string;
  counts: { articles: number; actors: number; quotes: number; events: number };
  layers: { stages: string[]; ingest: boolean; timeline: boolean; dyads: boolean; positions: boolean; reversals: boolean; brief: boolean; exports: boolean };
  writeRequiresToken: boolean;
}

export interface IngestResult {
  input: string;
  status: 'stored' | 'duplicate' | 'near-duplicate' | 'failed';
  id?: string;
  title?: string | null;
  duplicateOf?: string | null;
  error?: string;
  message?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  /** The layer behind the route is not in this build: show an empty state, not an error. */
  get notAvailable(): boolean {
    return this.status === 501;
  }
}

const TOKEN_KEY = 'parley-token';
export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: (t: string) => (t ? sessionStorage.setItem(TOKEN_KEY, t) : sessionStorage.removeItem(TOKEN_KEY)),
};

export function qs(params: Record<string, string | number | undefined | null | false>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && v !== false) u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

async function request<T>(method: string, url: string, body?: BodyInit, headers: Record<string, string> = {}): Promise<T> {
  const h: Record<string, string> = { accept: 'application/json', ...headers };
  if (method !== 'GET' && token.get()) h.authorization = `Bearer ${token.get()}`;
  const res = await fetch(url, { method, body, headers: h });
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  if (!res.ok) {
    const e = (data ?? {}) as { error?: string; message?: string };
    throw new ApiError(res.status, e.error ?? 'error', e.message ?? `${res.status} ${res.statusText}`);
  }
  return data as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  postJson: <T>(url: string, body: unknown) => request<T>('POST', url, JSON.stringify(body), { 'content-type': 'application/json' }),
  postForm: <T>(url: string, form: FormData) => request<T>('POST', url, form),
};
