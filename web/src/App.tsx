// The shell: navigation, the corpus status and actor names every page shares, and the routes.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, type ActorSummary, type Page, type Status } from './api';
import { ActorsContext } from './actors';
import { ErrorBox } from './components/ui';
import { Articles } from './pages/Articles';
import { ActorPage } from './pages/Actor';
import { Dyad } from './pages/Dyad';
import { Ingest } from './pages/Ingest';
import { Network } from './pages/Network';
import { Quotes } from './pages/Quotes';
import { Reader } from './pages/Reader';
import { Search } from './pages/Search';
import { Timeline } from './pages/Timeline';
import { href, navigate, useRoute } from './router';

const NAV: [string, string][] = [
  ['articles', 'Articles'],
  ['quotes', 'Quotes'],
  ['timeline', 'Timeline'],
  ['network', 'Network'],
  ['search', 'Search'],
  ['ingest', 'Ingest'],
];

export function App() {
  const route = useRoute();
  const [status, setStatus] = useState<Status | null>(null);
  const [actors, setActors] = useState<Map<string, ActorSummary>>(new Map());
  const [q, setQ] = useState('');
  const [error, setError] = useState<Error | null>(null);
  // On a phone the sections fold into a menu (styles.css); following a link folds it again.
  const [menuOpen, setMenuOpen] = useState(false);

  const refresh = useCallback(() => {
    api.get<Status>('/api/status').then(setStatus, setError);
    api.get<Page<ActorSummary>>('/api/actors?limit=1000').then((p) => setActors(new Map(p.items.map((a) => [a.id, a]))), setError);
  }, []);
  useEffect(refresh, [refresh]);

  const [section = 'articles', ...rest] = route.path;
  // Braces matter: newer Chromium returns a Promise from scrollTo, which React would call on cleanup.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [route.path.join('/')]);
  useEffect(() => setMenuOpen(false), [route.path.join('/'), route.query.toString()]);
  const page = useMemo(() => {
    switch (section) {
      case 'article':
        return <Reader id={rest[0] ?? ''} at={route.query.has('at') ? Number(route.query.get('at')) : null} />;
      case 'actor':
        return <ActorPage id={rest[0] ?? ''} />;
      case 'dyad':
        return <Dyad a={rest[0] ?? ''} b={rest[1] ?? ''} granularity={route.query.get('granularity') ?? 'month'} />;
      case 'quotes':
        return <Quotes route={route} />;
      case 'timeline':
        return <Timeline initialActor={route.query.get('actor') ?? ''} />;
      case 'network':
        return <Network />;
      case 'search':
        return <Search initial={route.query.get('q') ?? ''} />;
      case 'ingest':
        return <Ingest status={status} onIngested={refresh} />;
      default:
        return <Articles status={status} />;
    }
  }, [section, rest.join('/'), route.query.toString(), status, refresh]);

  const search = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) navigate(href(['search'], { q: q.trim() }));
  };

  return (
    <ActorsContext.Provider value={actors}>
      <header className={menuOpen ? 'top menu-open' : 'top'}>
        <a className="brand" href="#/">Parley</a>
        <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls="sections" onClick={() => setMenuOpen((o) => !o)}>
          Menu
        </button>
        <nav id="sections" aria-label="Sections">
          {NAV.map(([k, label]) => (
            <a key={k} href={`#/${k}`} className={section === k || (k === 'articles' && section === 'article') ? 'on' : ''}>{label}</a>
          ))}
        </nav>
        <form className="top-search" onSubmit={search} role="search">
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search…" aria-label="Search everything" />
        </form>
      </header>
      <main key={section}>
        {error && <ErrorBox error={error} />}
        {page}
      </main>
    </ActorsContext.Provider>
  );
}
