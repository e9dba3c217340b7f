// Positions by issue and reversals, each with its evidence and a link to where it was said.
import { href } from '../router';
import { Empty, fmtDate } from './ui';

export interface Evidence {
  articleId?: string;
  articleTitle?: string | null;
  start?: number;
  end?: number;
  text?: string;
}

export interface Position {
  actor: string;
  issue: string;
  stance: string;
  date: string | null;
  evidence?: Evidence;
  text?: string;
  articleId?: string;
  start?: number;
}

export interface Reversal {
  actor: string;
  issue: string;
  before: Position;
  after: Position;
}

function evidenceOf(p: Position): Evidence {
  return p.evidence ?? { articleId: p.articleId, start: p.start, text: p.text };
}

function Said({ p }: { p: Position }) {
  const ev = evidenceOf(p);
  return (
    <div className={`position stance-${p.stance}`}>
      <div className="row-between">
        <span className="stance">{p.stance}</span>
        <span className="small muted">{fmtDate(p.date)}</span>
      </div>
      {ev.text && <blockquote>{ev.text}</blockquote>}
      {ev.articleId && (
        <a className="small" href={href(['article', ev.articleId], { at: ev.start })}>
          {ev.articleTitle ?? 'in the article'} →
        </a>
      )}
    </div>
  );
}

export function PositionList({ items }: { items: Position[] }) {
  if (!items.length) return <Empty title="No positions">No stated position on a known issue was found.</Empty>;
  const byIssue = new Map<string, Position[]>();
  for (const p of items) byIssue.set(p.issue, [...(byIssue.get(p.issue) ?? []), p]);
  return (
    <div className="positions">
      {[...byIssue.entries()].map(([issue, ps]) => (
        <div key={issue} className="issue">
          <h4>{issue}</h4>
          {ps.map((p, i) => <Said key={i} p={p} />)}
        </div>
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
          <h4>{r.issue}</h4>
          <div className="side-by-side">
            <Said p={r.before} />
            <div className="arrow">→</div>
            <Said p={r.after} />
          </div>
        </div>
      ))}
    </div>
  );
}
