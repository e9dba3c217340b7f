// One box across articles, actors and quotes.
import { useEffect, useState } from 'react';
import { qs, type ActorSummary, type Page, type SearchHit, type StoredQuote } from '../api';
import { QuoteCard } from '../components/QuoteCard';
import { Empty, ErrorBox, Loading } from '../components/ui';
import { useApi, useDebounced } from '../hooks';
import { href } from '../router';
import { ArticleRow } from './Articles';

interface Results {
  query: string;
  articles: Page<SearchHit>;
  actors: Page<ActorSummary>;
  quotes: Page<StoredQuote>;
}

export function Search({ initial }: { initial: string }) {
  const [q, setQ] = useState(initial);
  useEffect(() => {
    setQ(initial);
  }, [initial]);
  const dq = useDebounced(q.trim(), 300);
  useEffect(() => {
    history.replaceState(null, '', href(['search'], { q: dq }));
  }, [dq]);
  const { data, error, loading } = useApi<Results>(dq ? '/api/search' + qs({ q: dq, limit: 20 }) : null);
  const total = data ? data.articles.items.length + data.actors.items.length + data.quotes.items.length : 0;
  return (
    <div className="page">
      <div className="page-head"><h1>Search</h1></div>
      <input className="big-search" type="search" autoFocus value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search articles, actors and quotes" aria-label="Search" />
      {error && <ErrorBox error={error} />}
      {loading && <Loading what="Searching" />}
      {!dq && <Empty title="Type to search">Words match article text and quotes; names match actors and their aliases.</Empty>}
      {data && total === 0 && <Empty title={`Nothing matches “${data.query}”`}>Try another spelling or fewer words.</Empty>}
      {data && total > 0 && (
        <div className="search-results">
          <section>
            <h2>Actors <span className="count">{data.actors.items.length}{data.actors.next ? '+' : ''}</span></h2>
            {data.actors.items.length === 0 ? <p className="muted">No actor matches.</p> : (
              <ul className="plain list">
                {data.actors.items.map((a) => (
                  <li key={a.id} className="card actor-row">
                    <span className={`dot t-${a.type}`} /> <a href={href(['actor', a.id])}>{a.name}</a>
                    <div className="small muted">{a.type}{a.role ? ` · ${a.role}` : ''} · {a.mentions} mentions in {a.articles} articles</div>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section>
            <h2>Quotes <span className="count">{data.quotes.items.length}{data.quotes.next ? '+' : ''}</span></h2>
            {data.quotes.items.length === 0 ? <p className="muted">No quote matches.</p> : (
              <>
                <ul className="plain list">{data.quotes.items.map((x) => <QuoteCard key={x.id} q={x} />)}</ul>
                {data.quotes.next && <a href={href(['quotes'], { search: data.query })}>All matching quotes →</a>}
              </>
            )}
          </section>
          <section>
            <h2>Articles <span className="count">{data.articles.items.length}{data.articles.next ? '+' : ''}</span></h2>
            {data.articles.items.length === 0 ? <p className="muted">No article matches.</p> : (
              <ul className="plain list">{data.articles.items.map((a) => <ArticleRow key={a.id} a={a} excerpt={a.excerpt} />)}</ul>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
