// Every quote in the corpus: filter by speaker, subject, date and words; each links to its place.
import { useState } from 'react';
import { qs, type StoredQuote } from '../api';
import { ActorInput } from '../actors';
import { QuoteCard } from '../components/QuoteCard';
import { Empty, ErrorBox, LoadMore, Loading } from '../components/ui';
import { useDebounced, usePaged } from '../hooks';
import { href, navigate, type Route } from '../router';

export function Quotes({ route }: { route: Route }) {
  const q = route.query;
  const [f, setF] = useState({ search: q.get('search') ?? '', by: q.get('by') ?? '', about: q.get('about') ?? '', from: q.get('from') ?? '', to: q.get('to') ?? '' });
  const filter = useDebounced(f, 300);
  const list = usePaged<StoredQuote>('/api/quotes' + qs({ ...filter, limit: 30 }));
  const set = (k: keyof typeof f) => (v: string) => {
    const next = { ...f, [k]: v };
    setF(next);
    history.replaceState(null, '', href(['quotes'], next));
  };
  const filtered = Object.values(filter).some(Boolean);
  return (
    <div className="page">
      <div className="page-head"><h1>Quotes</h1></div>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>Words<input type="search" value={f.search} onChange={(e) => set('search')(e.target.value)} placeholder="e.g. ceasefire" /></label>
        <label>Speaker<ActorInput id="by" value={f.by} onChange={set('by')} /></label>
        <label>About<ActorInput id="about" value={f.about} onChange={set('about')} /></label>
        <label>From<input type="date" value={f.from} onChange={(e) => set('from')(e.target.value)} /></label>
        <label>To<input type="date" value={f.to} onChange={(e) => set('to')(e.target.value)} /></label>
        {filtered && <button type="button" className="link" onClick={() => (setF({ search: '', by: '', about: '', from: '', to: '' }), navigate('#/quotes'))}>Clear</button>}
      </form>
      {list.error && <ErrorBox error={list.error} />}
      {!list.loading && !list.error && list.items.length === 0 && (
        <Empty title={filtered ? 'No quotes match these filters' : 'No quotes yet'}>
          {filtered ? 'Try fewer words or a wider date range.' : 'Quotes appear here once articles are ingested and the attribution layer has run.'}
        </Empty>
      )}
      <ul className="plain list">{list.items.map((x) => <QuoteCard key={x.id} q={x} />)}</ul>
      {list.loading && <Loading />}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
    </div>
  );
}
