// Small shared pieces: states (loading, empty, error), links, labels.
import type { ReactNode } from 'react';
import { ApiError, type EventType } from '../api';
import { href } from '../router';
import { useActors } from '../actors';

export function Loading({ what = 'Loading' }: { what?: string }) {
  return <div className="state loading" role="status">{what}…</div>;
}

/** An honest empty state: says what is missing and, when it helps, why. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state empty">
      <strong>{title}</strong>
      {children && <p>{children}</p>}
    </div>
  );
}

export function ErrorBox({ error }: { error: Error }) {
  if (error instanceof ApiError && error.notAvailable)
    return <Empty title="Not available in this build yet">{error.message}. This view fills in once that analysis layer is installed.</Empty>;
  if (error instanceof ApiError && error.status === 404) return <Empty title="Not found">{error.message}</Empty>;
  return (
    <div className="state error" role="alert">
      <strong>{error instanceof ApiError ? `Error ${error.status}` : 'Error'}</strong>
      <p>{error.message}</p>
    </div>
  );
}

export function ActorLink({ id, name }: { id: string | null; name?: string | null }) {
  const actors = useActors();
  if (!id) return <span className="muted">{name ?? 'unknown'}</span>;
  const known = actors.get(id)?.name;
  return <a className="actor-link" href={href(['actor', id])}>{known && (!name || name === id) ? known : name ?? id}</a>;
}

const CONFLICT = new Set<EventType>(['ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']);
export function EventBadge({ type }: { type: EventType }) {
  return <span className={`badge ${CONFLICT.has(type) ? 'conflict' : 'coop'}`}>{type}</span>;
}

export function LoadMore({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore: () => void }) {
  if (!hasMore) return null;
  return (
    <button className="more" disabled={loading} onClick={onMore}>
      {loading ? 'Loading…' : 'Load more'}
    </button>
  );
}

/** −10 (conflict, red) … 0 (grey) … +10 (cooperation, green). */
export function intensityColor(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '#8a94a6';
  // Means of mixed events sit near zero; a square-root scale keeps their leaning visible.
  const t = Math.sign(v) * Math.sqrt(Math.min(1, Math.abs(v) / 8));
  const mix = (a: number[], b: number[], k: number) => a.map((x, i) => Math.round(x + (b[i] - x) * k));
  const grey = [138, 148, 166];
  const c = t < 0 ? mix(grey, [200, 40, 40], -t) : mix(grey, [30, 150, 80], t);
  return `rgb(${c.join(',')})`;
}

export function fmtDate(d: string | null | undefined): string {
  if (!d) return 'undated';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d);
  if (!m) return d;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  if (!m[2]) return m[1];
  if (!m[3]) return `${months[Number(m[2]) - 1]} ${m[1]}`;
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
}
