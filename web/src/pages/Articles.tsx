// The corpus at a glance: counts, which layers exist, and the articles newest first.
import { useState } from 'react';
import { qs, type ArticleSummary, type Status } from '../api';
import { ActorInput, useActors } from '../actors';
import { Empty, ErrorBox, fmtDate, LoadMore, Loading } from '../components/ui';
import { usePaged } from '../hooks';
import { href } from '../router';

export function ArticleRow({ a, excerpt }: { a: ArticleSummary; excerpt?: string }) {
  return (
    <li className="card article-row">
      <a className="title" href={href(['article', a.id])}>{a.title ?? 'Untitled article'}</a>
      <div className="meta">
        <span>{fmtDate(a.published)}</span>
        {a.publisher && <span>{a.publisher}</span>}
        {a.duplicateOf && <span className="badge neutral">near duplicate</span>}
        <span className="muted">
          {a.counts.quotes} quotes · {a.counts.events} events · {a.counts.mentions} mentions
        </span>
      </div>
      <p className="snippet">{excerpt ?? a.snippet}</p>
    </li>
  );
}

export function Articles({ status }: { status: Status | null }) {
  const actors = useActors();
  const [f, setF] = useState({ actor: '', from: '', to: '' });
  const actor = actors.has(f.actor) ? f.actor : '';
  const filtered = !!(actor || f.from || f.to);
  const list = usePaged<ArticleSummary>('/api/articles' + qs({ limit: 30, actor, from: f.from, to: f.to }));
  return (
    <div className="page">
      <div className="page-head">
        <h1>Articles</h1>
        {status && (
          <div className="stats">
            <div><b>{status.counts.articles}</b> articles</div>
            <div><b>{status.counts.actors}</b> actors</div>
            <div><b>{status.counts.quotes}</b> quotes</div>
            <div><b>{status.counts.events}</b> events</div>
          </div>
        )}
      </div>
      {status && status.counts.articles > 0 && (
        <div className="exports small">
          Download: <a href="/api/brief?format=md" download>brief (Markdown)</a> · <a href="/api/brief?format=html" download>brief (HTML)</a> ·{' '}
          <a href="/api/export?format=json" download>all (JSON)</a> · <a href="/api/export?format=csv&table=events" download>events (CSV)</a> ·{' '}
          <a href="/api/export?format=csv&table=actors" download>actors (CSV)</a> · <a href="/api/export?format=csv&table=dyads" download>dyads (CSV)</a> ·{' '}
          <a href="/api/export?format=graphml" download>network (GraphML)</a> · <a href="/api/openapi.json">API (OpenAPI)</a>
        </div>
      )}
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>Naming<ActorInput id="art-actor" value={f.actor} onChange={(v) => setF({ ...f, actor: v })} /></label>
        <label>Published from<input type="date" value={f.from} onChange={(e) => setF({ ...f, from: e.target.value })} /></label>
        <label>to<input type="date" value={f.to} onChange={(e) => setF({ ...f, to: e.target.value })} /></label>
        {filtered && <button type="button" className="link" onClick={() => setF({ actor: '', from: '', to: '' })}>Clear</button>}
      </form>
      {list.error && <ErrorBox error={list.error} />}
      {filtered && !list.loading && !list.error && list.items.length === 0 && <Empty title="No article matches these filters" />}
      {!filtered && !list.loading && !list.error && list.items.length === 0 && (
        <Empty title="No articles yet">
          Add some on the <a href="#/ingest">Ingest</a> page, or run <code>parley ingest FILE…</code>.
        </Empty>
      )}
      <ul className="plain list">{list.items.map((a) => <ArticleRow key={a.id} a={a} />)}</ul>
      {list.loading && <Loading />}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
    </div>
  );
}
