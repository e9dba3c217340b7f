// Positions by issue and reversals, each with its evidence and a link to where it was said.
import type { StoredPosition } from '../../../src/store/store.js';
import { href } from '../router';
import { Empty, fmtDate } from './ui';

export type { StoredPosition };

export interface IssueStand {
  issue: string;
  current: string;
  since: string | null;
  positions: StoredPosition[];
}

export interface ReversalSide {
  stance: string;
  period: string;
  evidence: StoredPosition[];
}

export interface Reversal {
  actor: string;
  issue: string;
  before: ReversalSide;
  after: ReversalSide;
}

const issueName = (s: string) => s.replace(/[-_]/g, ' ');

function Evidence({ p }: { p: StoredPosition }) {
  return (
    <div className={`position stance-${p.stance}`}>
      <div className="row-between">
        <span className="stance">{p.stance}</span>
        <span className="small muted">{fmtDate(p.date)}{p.via === 'quote' ? ' · quoted' : ''}</span>
      </div>
      <blockquote>{p.evidence.text}</blockquote>
      <a className="small" href={href(['article', p.articleId], { at: p.evidence.start })}>{p.articleTitle ?? 'in the article'} →</a>
    </div>
  );
}

export function PositionList({ items }: { items: IssueStand[] }) {
  if (!items.length) return <Empty title="No positions">No stated position on a known issue was found.</Empty>;
  return (
    <div className="positions">
      {items.map((s) => (
        <details key={s.issue} className="issue">
          <summary>
            <b>{issueName(s.issue)}</b> <span className={`stance-tag stance-${s.current}`}>{s.current}</span>
            <span className="small muted"> {s.since ? `since ${fmtDate(s.since)}` : ''} · {s.positions.length} statements</span>
          </summary>
          {[...s.positions].reverse().slice(0, 8).map((p) => <Evidence key={p.id} p={p} />)}
        </details>
      ))}
    </div>
  );
}

export function ReversalList({ items }: { items: Reversal[] }) {
  if (!items.length) return <Empty title="No reversals">No opposite positions on the same issue at different dates.</Empty>;
  return (
    <div className="reversals">
      {items.map((r, i) => (
        <div key={i} className="reversal card">
          <h4>{issueName(r.issue)}: {r.before.stance} → {r.after.stance}</h4>
          <div className="side-by-side">
            <div>
              <div className="small muted">{fmtDate(r.before.period)}</div>
              {r.before.evidence.slice(0, 1).map((p) => <Evidence key={p.id} p={p} />)}
            </div>
            <div className="arrow">→</div>
            <div>
              <div className="small muted">{fmtDate(r.after.period)}</div>
              {r.after.evidence.slice(0, 1).map((p) => <Evidence key={p.id} p={p} />)}
            </div>
          </div>
        </div>
      ))}
    </div>
  );
}
