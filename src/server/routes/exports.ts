// Exports of the corpus model for other tools: JSON, CSV, GraphML (the actor network), and the
// Markdown brief.
import { z } from 'zod';
import { buildBrief, exportSystem, renderMarkdown } from '../../index.js';
import type { Store } from '../../store/store.js';
import { route } from '../define.js';
import { isoDate } from '../schemas.js';

const TYPES = { json: 'application/json', csv: 'text/csv', graphml: 'application/graphml+xml', md: 'text/markdown' } as const;

export function exportRoutes(store: Store) {
  return [
    route({
      method: 'GET',
      url: '/api/export',
      tag: 'exports',
      summary: 'Download actors, events and dyads as JSON (all three), CSV (one table), GraphML (the network) or Markdown (the brief)',
      query: z.object({
        format: z.enum(['json', 'csv', 'graphml', 'md']),
        table: z.enum(['actors', 'events', 'dyads']).default('events').describe('CSV only: which table'),
        from: isoDate.optional(),
        to: isoDate.optional(),
      }),
      produces: Object.values(TYPES),
      errors: [501],
      handler: async ({ query, reply }) => {
        const { format, table, from, to } = query;
        const out = format === 'md' ? renderMarkdown(await buildBrief(store, { from, to })) : await exportSystem(store, format, { table, from, to });
        const name = format === 'csv' ? `parley-${table}.csv` : format === 'md' ? 'parley-brief.md' : `parley.${format}`;
        reply.type(`${TYPES[format]}; charset=utf-8`).header('Content-Disposition', `attachment; filename="${name}"`);
        return out;
      },
    }),
  ];
}
