// Request pieces every route group shares: paging, dates, ids.
import { z } from 'zod';
import { EVENT_TYPES } from '../document.js';

export const paging = {
  limit: z.coerce.number().int().min(1).max(1000).optional().describe('page size (default 50, max 1000)'),
  cursor: z.string().max(2000).optional().describe('opaque cursor from the previous page\'s "next"'),
};

export const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');

export const actorId = z.string().min(1).max(200);
export const eventType = z.enum(EVENT_TYPES);
export const idParams = z.object({ id: z.string().min(1).max(200) });
