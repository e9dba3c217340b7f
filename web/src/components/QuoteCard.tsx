import type { StoredQuote } from '../api';
import { href } from '../router';
import { ActorLink, fmtDate } from './ui';

export function QuoteCard({ q, showSpeaker = true }: { q: StoredQuote; showSpeaker?: boolean }) {
  return (
    <li className="card quote-card">
      <blockquote className={q.direct ? 'direct' : 'indirect'}>{q.direct ? `“${q.text}”` : q.text}</blockquote>
      <div className="meta">
        {showSpeaker && (
          <span>
            — <ActorLink id={q.actor} name={q.actorName ?? q.speaker ?? 'unattributed'} />
            {q.cue && <span className="muted"> ({q.cue})</span>}
          </span>
        )}
        <span>{fmtDate(q.date ?? q.published)}</span>
        {!q.direct && <span className="badge neutral">reported</span>}
        {q.about.length > 0 && (
          <span>
            about{' '}
            {q.about.map((a, i) => (
              <span key={a}>
                {i > 0 && ', '}
                <ActorLink id={a} name={a} />
              </span>
            ))}
          </span>
        )}
        <a className="in-article" href={href(['article', q.articleId], { at: q.start })}>
          in “{q.articleTitle ?? 'article'}” →
        </a>
      </div>
    </li>
  );
}
