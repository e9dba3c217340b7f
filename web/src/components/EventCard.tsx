import type { ShownEvent } from '../events';
import { href } from '../router';
import { ActorLink, EventBadge, fmtDate } from './ui';

export function EventCard({ e }: { e: ShownEvent }) {
  return (
    <li className="card event-card">
      <div className="row-between">
        <span>
          <EventBadge type={e.type} /> <ActorLink id={e.source} /> → <ActorLink id={e.target} />
        </span>
        <span className="small muted">
          {fmtDate(e.date)} · {e.modality} · intensity {e.intensity > 0 ? '+' : ''}
          {e.intensity}
        </span>
      </div>
      {e.reports.map((r, i) => (
        <div key={i} className="report">
          <p className="evidence">{r.evidence}</p>
          <a className="small" href={href(['article', r.articleId], { at: r.start })}>{r.articleTitle ?? 'article'} →</a>
        </div>
      ))}
    </li>
  );
}
