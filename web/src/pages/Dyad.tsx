// One pair of actors over time: intensity (what each did to the other) and tone (how each spoke
// of the other), with the events and quotes behind each point.
import { useEffect, useMemo, useState } from 'react';
import { api, qs, type StoredEvent, type StoredQuote } from '../api';
import { useActors } from '../actors';
import { Chart } from '../components/Chart';
import { EventCard } from '../components/EventCard';
import { QuoteCard } from '../components/QuoteCard';
import { Empty, ErrorBox, fmtDate, Loading } from '../components/ui';
import { fetchAll } from '../hooks';
import { chartPeriods, dyadChartOption, type DyadSeries } from '../dyad-chart';
import { fromStored, type ShownEvent } from '../events';
import { href, navigate } from '../router';

interface Loaded {
  ab: DyadSeries;
  ba: DyadSeries;
  events: ShownEvent[];
  quotes: StoredQuote[];
}

/** Whether the window is phone-narrow, following resizes (the chart's legend then needs more room). */
function useNarrow(): boolean {
  const query = '(max-width: 600px)';
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const on = () => setNarrow(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return narrow;
}

/** Whether a date falls in the period that starts at `period` (day, Monday-start week, or month). */
function inPeriod(date: string | null | undefined, period: string, by: DyadSeries['by']): boolean {
  if (!date) return false;
  if (by === 'month') return date.startsWith(period);
  if (by === 'day') return date.startsWith(period);
  const start = Date.parse(period + 'T00:00:00Z');
  const t = Date.parse(date.slice(0, 10) + 'T00:00:00Z');
  return t >= start && t < start + 7 * 86_400_000;
}

export function Dyad({ a, b, granularity }: { a: string; b: string; granularity: string }) {
  const actors = useActors();
  const name = (id: string) => actors.get(id)?.name ?? id;
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [period, setPeriod] = useState<string | null>(null);
  const by = (['day', 'week', 'month'].includes(granularity) ? granularity : 'month') as DyadSeries['by'];

  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    setPeriod(null);
    const series = (s: string, t: string) => api.get<DyadSeries>(`/api/dyads/${encodeURIComponent(s)}/${encodeURIComponent(t)}` + qs({ granularity: by, exact: 'true' }));
    Promise.all([
      series(a, b),
      series(b, a),
      fetchAll<StoredEvent>('/api/events' + qs({ source: a, target: b, limit: 1000 }), 5000),
      fetchAll<StoredEvent>('/api/events' + qs({ source: b, target: a, limit: 1000 }), 5000),
      fetchAll<StoredQuote>('/api/quotes' + qs({ by: a, about: b, limit: 1000 }), 2000),
      fetchAll<StoredQuote>('/api/quotes' + qs({ by: b, about: a, limit: 1000 }), 2000),
    ])
      .then(([ab, ba, eab, eba, qa, qb]) => {
        if (!live) return;
        const events = [...eab.items, ...eba.items].filter((e) => e.modality !== 'negated').map(fromStored).sort((x, y) => (x.date ?? '').localeCompare(y.date ?? ''));
        const quotes = [...qa.items, ...qb.items].sort((x, y) => (x.date ?? '').localeCompare(y.date ?? ''));
        setData({ ab, ba, events, quotes });
      })
      .catch((e: Error) => live && setError(e));
    return () => {
      live = false;
    };
  }, [a, b, by]);

  const periods = useMemo(() => (data ? chartPeriods(data.ab, data.ba) : []), [data]);
  const narrow = useNarrow();
  const option = useMemo(() => (data ? dyadChartOption(data.ab, data.ba, name, narrow) : null), [data, actors, narrow]);

  const events = (data?.events ?? []).filter((e) => !period || inPeriod(e.date, period, by));
  const quotes = (data?.quotes ?? []).filter((q) => !period || inPeriod(q.date, period, by));

  return (
    <div className="page wide">
      <div className="page-head">
        <div>
          <div className="kicker">Relation</div>
          <h1>
            <a href={href(['actor', a])}>{name(a)}</a> <span className="muted">↔</span> <a href={href(['actor', b])}>{name(b)}</a>
          </h1>
        </div>
        <div className="filters inline">
          <label>
            Per
            <select value={by} onChange={(e) => navigate(href(['dyad', a, b], { granularity: e.target.value }))}>
              <option value="day">day</option>
              <option value="week">week</option>
              <option value="month">month</option>
            </select>
          </label>
        </div>
      </div>
      {error && <ErrorBox error={error} />}
      {!data && !error && <Loading what="Loading the relation" />}
      {data && !option && <Empty title="Nothing dated between these two yet">No dated event or quote links {name(a)} and {name(b)}.</Empty>}
      {option && (
        <>
          <Chart option={option} height={380} testId="dyad-chart" onClick={(p) => setPeriod(periods[p.dataIndex] ?? null)} />
          <p className="small muted">
            Solid lines: mean intensity of what one did to the other (−10 conflict … +10 cooperation; dot size = number of events). Dashed: tone of what one said about the other (−3 hostile … +3 warm). Click a point for its evidence.
          </p>
        </>
      )}
      {period && (
        <p className="note">
          Evidence for {by === 'week' ? `the week of ${fmtDate(period)}` : fmtDate(period)}. <button className="link" onClick={() => setPeriod(null)}>Show all</button>
        </p>
      )}
      {data && (
        <div className="two-col">
          <section>
            <h2>Events <span className="count">{events.length}</span></h2>
            {events.length === 0 ? <Empty title="No events">No coded event between the two{period ? ' in this period' : ''}.</Empty> : <ul className="plain list">{events.map((e) => <EventCard key={e.key} e={e} />)}</ul>}
          </section>
          <section>
            <h2>What they said about each other <span className="count">{quotes.length}</span></h2>
            {quotes.length === 0 ? <Empty title="No quotes">Neither is quoted about the other{period ? ' in this period' : ''}.</Empty> : <ul className="plain list">{quotes.map((q) => <QuoteCard key={q.id} q={q} />)}</ul>}
          </section>
        </div>
      )}
    </div>
  );
}
