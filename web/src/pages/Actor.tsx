// One actor: who they are, what they said, what they did, where they stand and where they turned.
import { useMemo } from 'react';
import { qs, type ActorSummary, type Page, type StoredEvent, type StoredQuote } from '../api';
import { QuoteCard } from '../components/QuoteCard';
import { ActorLink, Empty, ErrorBox, EventBadge, fmtDate, intensityColor, LoadMore, Loading } from '../components/ui';
import { useApi, usePaged } from '../hooks';
import { href } from '../router';
import { PositionList, ReversalList, type IssueStand, type Reversal } from '../components/Positions';
import { pairs, type DyadSummary } from '../dyads';

function Relations({ id }: { id: string }) {
  const dyads = useApi<Page<DyadSummary>>('/api/dyads' + qs({ actor: id, limit: 1000 }));
  const list = useMemo(() => pairs(dyads.data?.items ?? []).sort((x, y) => y.events + y.quotes - (x.events + x.quotes)), [dyads.data]);
  if (dyads.loading) return <Loading />;
  if (dyads.error) return <ErrorBox error={dyads.error} />;
  if (!list.length) return <Empty title="No relations">No event or quote links this actor to another one.</Empty>;
  return (
    <ul className="plain">
      {list.slice(0, 15).map((p) => {
        const other = p.a === id ? p.b : p.a;
        return (
          <li key={other} className="row-between relation">
            <span>
              <span className="swatch" style={{ background: intensityColor(p.intensity) }} title={p.intensity === null ? 'no events' : `mean intensity ${p.intensity.toFixed(1)}`} /> <ActorLink id={other} />
            </span>
            <a href={href(['dyad', id, other])} className="small">
              {p.events} events · {p.quotes} quotes →
            </a>
          </li>
        );
      })}
    </ul>
  );
}

interface Profile {
  roles: string[];
  appearances: { articleId: string; title: string | null; published: string | null; mentions: number; excerpt: string }[];
  coMentioned: { id: string; name: string; type: string; articles: number }[];
  scanned: number;
}

function Appearances({ id }: { id: string }) {
  const p = useApi<Profile>(`/api/actors/${encodeURIComponent(id)}/profile?articles=30`);
  if (p.loading) return <Loading />;
  if (p.error) return <ErrorBox error={p.error} />;
  const d = p.data!;
  return (
    <>
      {d.coMentioned.length > 0 && (
        <div className="aliases">
          Often named with:{' '}
          {d.coMentioned.slice(0, 10).map((c) => (
            <a key={c.id} className="chip" href={href(['actor', c.id])}>
              {c.name} <span className="muted">{c.articles}</span>
            </a>
          ))}
        </div>
      )}
      <ul className="plain list">
        {d.appearances.slice(0, 8).map((a) => (
          <li key={a.articleId} className="appearance">
            <a href={href(['article', a.articleId])}>{a.title ?? 'Untitled article'}</a>
            <span className="small muted"> · {fmtDate(a.published)} · {a.mentions} mentions</span>
            <p className="small snippet">{a.excerpt}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ActorPage({ id }: { id: string }) {
  const actor = useApi<ActorSummary>(`/api/actors/${encodeURIComponent(id)}`);
  const realId = actor.data?.id ?? null;
  const quotes = usePaged<StoredQuote>(realId ? `/api/actors/${encodeURIComponent(realId)}/quotes?limit=20` : null);
  const events = usePaged<StoredEvent>(realId ? `/api/actors/${encodeURIComponent(realId)}/events?limit=20` : null);
  const positions = useApi<Page<IssueStand>>(realId ? `/api/actors/${encodeURIComponent(realId)}/positions?limit=100` : null);
  const reversals = useApi<Page<Reversal>>(realId ? '/api/reversals' + qs({ actor: realId, limit: 100 }) : null);
  if (actor.loading) return <Loading what="Loading actor" />;
  if (actor.error) return <ErrorBox error={actor.error} />;
  const a = actor.data!;
  return (
    <div className="page actor-page">
      <div className="page-head">
        <div>
          <div className="kicker"><span className={`dot t-${a.type}`} /> {a.type}{a.country ? ` · ${a.country}` : ''}</div>
          <h1>{a.name}</h1>
          {a.role && <div className="role">{a.role}</div>}
          {a.affiliation && <div className="small">Part of <ActorLink id={a.affiliation} /></div>}
          <div className="small actor-links">
            <a href={href(['timeline'], { actor: a.id })}>Timeline</a> · <a href={href(['quotes'], { by: a.id })}>All quotes by</a> · <a href={href(['quotes'], { about: a.id })}>Quotes about</a> ·{' '}
            <a href={`/api/brief?format=md&actor=${encodeURIComponent(a.id)}`} download>Brief</a>
          </div>
        </div>
        <div className="stats">
          <div><b>{a.mentions}</b> mentions</div>
          <div><b>{a.articles}</b> articles</div>
        </div>
      </div>
      {a.aliases.length > 0 && (
        <div className="aliases">Also called: {a.aliases.map((x) => <span key={x} className="chip">{x}</span>)}</div>
      )}
      <div className="actor-grid">
        <section>
          <h2>Quotes</h2>
          {quotes.error && <ErrorBox error={quotes.error} />}
          {!quotes.loading && !quotes.error && quotes.items.length === 0 && <Empty title="No quotes">No statement in the corpus is attributed to {a.name}.</Empty>}
          <ul className="plain list">{quotes.items.map((q) => <QuoteCard key={q.id} q={q} showSpeaker={false} />)}</ul>
          <LoadMore hasMore={quotes.hasMore} loading={quotes.loading} onMore={quotes.loadMore} />
        </section>
        <div>
          <section>
            <h2>Relations</h2>
            <Relations id={a.id} />
          </section>
          <section>
            <h2>Positions by issue</h2>
            {positions.loading ? <Loading /> : positions.error ? <ErrorBox error={positions.error} /> : <PositionList items={positions.data?.items ?? []} />}
          </section>
          <section>
            <h2>Reversals</h2>
            {reversals.loading ? <Loading /> : reversals.error ? <ErrorBox error={reversals.error} /> : <ReversalList items={reversals.data?.items ?? []} />}
          </section>
          <section>
            <h2>In the news</h2>
            <Appearances id={a.id} />
          </section>
          <section>
            <h2>Events</h2>
            {events.error && <ErrorBox error={events.error} />}
            {!events.loading && !events.error && events.items.length === 0 && <Empty title="No events">No coded event involves {a.name}.</Empty>}
            <ul className="plain">
              {events.items.map((e) => (
                <li key={e.id} className="event-mini">
                  <EventBadge type={e.type} /> <ActorLink id={e.source} /> → <ActorLink id={e.target} />
                  <div className="small muted">{fmtDate(e.date)} · {e.modality} · <a href={href(['article', e.articleId], { at: e.trigger.start })}>{e.articleTitle ?? 'article'}</a></div>
                </li>
              ))}
            </ul>
            <LoadMore hasMore={events.hasMore} loading={events.loading} onMore={events.loadMore} />
          </section>
        </div>
      </div>
    </div>
  );
}
