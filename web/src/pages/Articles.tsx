// The corpus at a glance: counts, which layers exist, and the articles newest first.
import type { ArticleSummary, Status } from '../api';
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
  const list = usePaged<ArticleSummary>('/api/articles?limit=30');
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
      {list.error && <ErrorBox error={list.error} />}
      {!list.loading && !list.error && list.items.length === 0 && (
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
