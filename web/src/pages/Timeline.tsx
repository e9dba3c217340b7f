// Dated events across the corpus on one zoomable axis, by type, coloured by intensity.
import { useEffect, useMemo, useState } from 'react';
import { ApiError, EVENT_TYPES, qs, type EventType, type StoredEvent } from '../api';
import { ActorInput } from '../actors';
import { Chart } from '../components/Chart';
import { EventCard } from '../components/EventCard';
import { Empty, ErrorBox, fmtDate, Loading } from '../components/ui';
import { esc } from '../components/escape';
import { fetchAll } from '../hooks';
import { fromStored, fromTimeline, type ShownEvent } from '../events';
import { useActors } from '../actors';

export function Timeline({ initialActor = '' }: { initialActor?: string }) {
  const actors = useActors();
  const [actor, setActor] = useState(initialActor);
  const [types, setTypes] = useState<Set<EventType>>(new Set());
  const [data, setData] = useState<{ items: ShownEvent[]; merged: boolean; truncated: boolean } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [selected, setSelected] = useState<ShownEvent | null>(null);

  const actorId = actors.has(actor) ? actor : '';
  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    const q = qs({ actor: actorId, limit: 1000 });
    fetchAll<Record<string, any>>('/api/timeline' + q, 20000)
      .then((r) => ({ items: r.items.map(fromTimeline), merged: true, truncated: r.truncated }))
      .catch(async (e: unknown) => {
        if (!(e instanceof ApiError && e.notAvailable)) throw e;
        const r = await fetchAll<StoredEvent>('/api/events' + q, 20000);
        return { items: r.items.map(fromStored), merged: false, truncated: r.truncated };
      })
      .then((d) => live && setData(d))
      .catch((e: Error) => live && setError(e));
    return () => {
      live = false;
    };
  }, [actorId]);

  const shown = useMemo(() => (data?.items ?? []).filter((e) => e.date && (!types.size || types.has(e.type))), [data, types]);
  const name = (id: string | null) => (id ? actors.get(id)?.name ?? id : '?');

  const option = useMemo(() => {
    if (!shown.length) return null;
    // A stray date (a year mentioned in passing) must not squash the rest: open on the bulk.
    const dates = shown.map((e) => e.date!).sort();
    const q = (f: number) => dates[Math.min(dates.length - 1, Math.floor(f * (dates.length - 1)))];
    const lo = new Date(Date.parse(q(0.03)) - 10 * 86_400_000).toISOString().slice(0, 10);
    const hi = new Date(Date.parse(q(0.97)) + 10 * 86_400_000).toISOString().slice(0, 10);
    return {
      animation: false,
      grid: { left: 110, right: 30, top: 20, bottom: 80 },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const e = shown[p.dataIndex];
          return `<b>${esc(e.type)}</b> ${esc(fmtDate(e.date))}<br>${esc(name(e.source))} → ${esc(name(e.target))}<br>${esc(e.modality)} · intensity ${esc(e.intensity)}${e.reports.length > 1 ? `<br>${e.reports.length} reports` : ''}`;
        },
      },
      xAxis: { type: 'time', splitLine: { show: true, lineStyle: { color: '#eef0f4' } } },
      yAxis: { type: 'category', data: EVENT_TYPES, inverse: true, axisLabel: { fontSize: 11 } },
      dataZoom: [
        { type: 'inside', xAxisIndex: 0, startValue: lo, endValue: hi },
        { type: 'slider', xAxisIndex: 0, bottom: 20, height: 24, startValue: lo, endValue: hi },
      ],
      visualMap: { show: false, dimension: 2, min: -10, max: 10, inRange: { color: ['#c82828', '#8a94a6', '#1e9650'] } },
      series: [
        {
          type: 'scatter',
          data: shown.map((e) => [e.date, e.type, e.intensity, e.reports.length]),
          symbolSize: (v: number[]) => 9 + Math.min(14, 3 * (v[3] - 1)),
          itemStyle: { opacity: 0.85, borderColor: '#fff', borderWidth: 1 },
        },
      ],
    };
  }, [shown, actors]);

  const toggle = (t: EventType) => {
    const n = new Set(types);
    n.has(t) ? n.delete(t) : n.add(t);
    setTypes(n);
  };

  return (
    <div className="page wide">
      <div className="page-head">
        <h1>Timeline</h1>
        <form className="filters inline" onSubmit={(e) => e.preventDefault()}>
          <label>Actor<ActorInput id="tl-actor" value={actor} onChange={setActor} /></label>
        </form>
      </div>
      <div className="chips" aria-label="Event types">
        {EVENT_TYPES.map((t) => (
          <button key={t} type="button" className={`chip ${types.has(t) ? 'on' : ''}`} onClick={() => toggle(t)}>{t}</button>
        ))}
        {types.size > 0 && <button type="button" className="link" onClick={() => setTypes(new Set())}>all types</button>}
      </div>
      {error && <ErrorBox error={error} />}
      {!data && !error && <Loading what="Loading events" />}
      {data && !data.merged && data.items.length > 0 && <p className="note">Reports of the same event are not merged in this build; each dot is one report.</p>}
      {data && shown.length === 0 && (
        <Empty title="No dated events">{data.items.length ? 'No event matches these filters.' : 'Events appear once articles are ingested and the event layer has run.'}</Empty>
      )}
      {option && <Chart option={option} height={460} testId="timeline-chart" onClick={(p) => setSelected(shown[p.dataIndex] ?? null)} />}
      {option && !selected && <p className="small muted">Colour: intensity from conflict (red) to cooperation (green); larger dots were reported by several articles. Scroll or drag the bar to zoom; click a dot for its reports.</p>}
      {selected && (
        <section>
          <h2>Selected event</h2>
          <ul className="plain list"><EventCard e={selected} /></ul>
        </section>
      )}
      {data?.truncated && <p className="small muted">Showing the first {data.items.length} events; narrow by actor to see the rest.</p>}
    </div>
  );
}
