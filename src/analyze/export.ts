// Exports of the system: actors, events and dyads as JSON, CSV or GraphML (actors as nodes,
// dyads as directed edges) for Gephi, Cytoscape, spreadsheets.
import type { Actor } from '../document.js';
import type { DyadSummary, Store, StoredEvent } from '../store/store.js';
import { allEvents } from './timeline.js';
import { analysisStore } from './capabilities.js';

export type ExportFormat = 'json' | 'csv' | 'graphml';
export type ExportTable = 'actors' | 'events' | 'dyads';

export interface ExportData {
  actors: (Actor & { mentions: number; articles: number })[];
  events: StoredEvent[];
  dyads: DyadSummary[];
}

export async function collectExport(store: Store, o: { from?: string; to?: string } = {}): Promise<ExportData> {
  const actors: ExportData['actors'] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listActors({ limit: 1000, cursor });
    actors.push(...page.items);
    cursor = page.next;
  } while (cursor);
  const events = await allEvents(store, { from: o.from, to: o.to }, 1_000_000);
  const dyads = await analysisStore(store, 'dyads').dyads({ from: o.from, to: o.to, limit: 1000 });
  return { actors, events, dyads };
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // A leading = + - @ makes spreadsheets evaluate the cell: prefix it so it stays text.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? "'" + s : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csv(rows: Record<string, unknown>[], cols: string[]): string {
  return [cols.join(','), ...rows.map((r) => cols.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';
}

export function toCsv(data: ExportData, table: ExportTable = 'events'): string {
  if (table === 'actors') return csv(data.actors as never, ['id', 'name', 'type', 'role', 'country', 'affiliation', 'aliases', 'mentions', 'articles']);
  if (table === 'dyads') return csv(data.dyads as never, ['source', 'target', 'events', 'intensity', 'quotes', 'tone', 'first', 'last']);
  const rows = data.events.map((e) => ({ ...e, trigger: e.trigger.text, triggerStart: e.trigger.start, triggerEnd: e.trigger.end }));
  return csv(rows, ['id', 'articleId', 'articleTitle', 'published', 'date', 'type', 'source', 'target', 'modality', 'intensity', 'trigger', 'triggerStart', 'triggerEnd', 'evidence']);
}

function xml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

export function toGraphml(data: ExportData): string {
  const used = new Set(data.dyads.flatMap((d) => [d.source, d.target]));
  const known = new Map(data.actors.map((a) => [a.id, a]));
  const nodes = [...new Set([...data.actors.filter((a) => used.has(a.id) || a.mentions > 0).map((a) => a.id), ...used])];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="country" for="node" attr.name="country" attr.type="string"/>',
    '  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>',
    '  <key id="events" for="edge" attr.name="events" attr.type="int"/>',
    '  <key id="intensity" for="edge" attr.name="intensity" attr.type="double"/>',
    '  <key id="quotes" for="edge" attr.name="quotes" attr.type="int"/>',
    '  <key id="tone" for="edge" attr.name="tone" attr.type="double"/>',
    '  <graph id="parley" edgedefault="directed">',
  ];
  for (const id of nodes) {
    const a = known.get(id);
    lines.push(`    <node id="${xml(id)}"><data key="name">${xml(a?.name ?? id)}</data><data key="type">${xml(a?.type ?? '')}</data><data key="country">${xml(a?.country ?? '')}</data><data key="mentions">${a?.mentions ?? 0}</data></node>`);
  }
  data.dyads.forEach((d, i) => {
    const opt = (k: string, v: number | null) => (v === null ? '' : `<data key="${k}">${v}</data>`);
    lines.push(`    <edge id="e${i}" source="${xml(d.source)}" target="${xml(d.target)}"><data key="events">${d.events}</data>${opt('intensity', d.intensity)}<data key="quotes">${d.quotes}</data>${opt('tone', d.tone)}</edge>`);
  });
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n') + '\n';
}

export async function exportSystem(store: Store, format: ExportFormat, o: { table?: ExportTable; from?: string; to?: string } = {}): Promise<string> {
  const data = await collectExport(store, o);
  if (format === 'json') return JSON.stringify(data, null, 2) + '\n';
  if (format === 'csv') return toCsv(data, o.table);
  if (format === 'graphml') return toGraphml(data);
  throw new Error(`unknown export format "${format}": use json, csv or graphml`);
}
