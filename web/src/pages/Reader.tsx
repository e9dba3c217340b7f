// One article with every layer: actors, quotes, events and times drawn over the text.
import { useMemo, useState } from 'react';
import type { Document } from '../api';
import { ArticleText } from '../components/ArticleText';
import type { Layers } from '../components/annotate';
import { ActorLink, Empty, ErrorBox, EventBadge, fmtDate, Loading } from '../components/ui';
import { useApi } from '../hooks';
import { href } from '../router';

function safeUrl(u: string | null | undefined): string | null {
  return u && /^https?:\/\//i.test(u) ? u : null;
}

export function Reader({ id, at }: { id: string; at: number | null }) {
  const { data: doc, error, loading } = useApi<Document>(`/api/articles/${encodeURIComponent(id)}`);
  const [layers, setLayers] = useState<Layers>({ quotes: true, mentions: true, events: true, times: false });
  const mentionCounts = useMemo(() => {
    const c = new Map<string, number>();
    for (const m of doc?.mentions ?? []) c.set(m.actor, (c.get(m.actor) ?? 0) + 1);
    return c;
  }, [doc]);
  if (loading) return <Loading what="Loading article" />;
  if (error) return <ErrorBox error={error} />;
  if (!doc) return null;
  const name = (a: string | null) => (a ? doc.actors.find((x) => x.id === a)?.name ?? a : null);
  const url = safeUrl(doc.url);
  const toggle = (k: keyof Layers, label: string, count: number) => (
    <label className={`toggle l-${k}`}>
      <input type="checkbox" checked={layers[k]} onChange={(e) => setLayers({ ...layers, [k]: e.target.checked })} /> {label} <span className="count">{count}</span>
    </label>
  );
  const actorsByMentions = [...doc.actors].sort((a, b) => (mentionCounts.get(b.id) ?? 0) - (mentionCounts.get(a.id) ?? 0));
  return (
    <div className="reader">
      <article className="reader-main">
        <header className="article-head">
          <h1>{doc.title ?? <span className="muted">Untitled article</span>}</h1>
          <div className="meta">
            {doc.published && <span>{fmtDate(doc.published)}</span>}
            {doc.publisher && <span>{doc.publisher}</span>}
            {doc.authors.length > 0 && <span>By {doc.authors.join(', ')}</span>}
            {doc.dateline && <span>{doc.dateline}</span>}
            {url ? (
              <a href={url} target="_blank" rel="noopener noreferrer nofollow">source</a>
            ) : (
              doc.source && <span className="muted">{doc.source.name}</span>
            )}
          </div>
          <div className="toggles" aria-label="Layers">
            {toggle('quotes', 'Quotes', doc.quotes.length)}
            {toggle('mentions', 'Actors', doc.mentions.length)}
            {toggle('events', 'Events', doc.events.length)}
            {toggle('times', 'Dates', doc.times.length)}
          </div>
        </header>
        <ArticleText doc={doc} layers={layers} at={at} />
      </article>
      <aside className="reader-side">
        <section>
          <h3>Actors</h3>
          {actorsByMentions.length ? (
            <ul className="plain">
              {actorsByMentions.map((a) => (
                <li key={a.id} className="row-between">
                  <span>
                    <span className={`dot t-${a.type}`} /> <ActorLink id={a.id} name={a.name} />
                  </span>
                  <span className="count">{mentionCounts.get(a.id) ?? 0}</span>
                </li>
              ))}
            </ul>
          ) : (
            <Empty title="No actors found">The actor layer found nobody in this article, or is not installed.</Empty>
          )}
        </section>
        <section>
          <h3>Quotes</h3>
          {doc.quotes.length ? (
            <ul className="plain quotes-mini">
              {doc.quotes.map((q, i) => (
                <li key={i}>
                  <a href={href(['article', doc.id], { at: q.start })} className="quote-jump">
                    “{q.text.length > 140 ? q.text.slice(0, 140) + '…' : q.text}”
                  </a>
                  <div className="small">— <ActorLink id={q.actor} name={name(q.actor) ?? q.speaker?.text ?? 'unattributed'} /></div>
                </li>
              ))}
            </ul>
          ) : (
            <Empty title="No quotes">No quotes were found in this article.</Empty>
          )}
        </section>
        {(doc.positions?.length ?? 0) > 0 && (
          <section>
            <h3>Positions</h3>
            <ul className="plain">
              {doc.positions!.map((p, i) => (
                <li key={i} className="event-mini">
                  <ActorLink id={p.actor} name={name(p.actor)} /> <span className={`stance-tag stance-${p.stance}`}>{p.stance}</span> {p.issue.replace(/[-_]/g, ' ')}
                  <div className="small muted">
                    <a href={href(['article', doc.id], { at: p.evidence.start })}>“{p.evidence.text.length > 90 ? p.evidence.text.slice(0, 90) + '…' : p.evidence.text}”</a>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section>
          <h3>Events</h3>
          {doc.events.length ? (
            <ul className="plain">
              {doc.events.map((e, i) => (
                <li key={i} className="event-mini">
                  <EventBadge type={e.type} /> <ActorLink id={e.source} name={name(e.source)} /> → <ActorLink id={e.target} name={name(e.target)} />
                  <div className="small muted">
                    {fmtDate(e.date)} · {e.modality} · <a href={href(['article', doc.id], { at: e.trigger.start })}>“{e.trigger.text}”</a>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <Empty title="No events">No events were coded in this article.</Empty>
          )}
        </section>
      </aside>
    </div>
  );
}
