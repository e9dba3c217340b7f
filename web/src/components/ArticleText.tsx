// The article body with its layers drawn over it. The text is rendered as React text nodes
// only: article content is untrusted and never becomes HTML.
import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Actor, Document } from '../api';
import { navigate, href } from '../router';
import { annotate, type Layers, type Mark, type Piece } from './annotate';
import { fmtDate } from './ui';

interface Hover {
  x: number;
  y: number;
  piece: Piece;
}

function classes(p: Piece): string {
  const c = new Set<string>();
  for (const m of p.marks) {
    if (m.kind === 'quote') (c.add('hl-quote'), c.add(m.q.direct ? 'direct' : 'indirect'));
    else if (m.kind === 'speaker') c.add('hl-speaker');
    else if (m.kind === 'mention') (c.add('hl-mention'), c.add(`t-${m.m.type}`));
    else if (m.kind === 'event') c.add('hl-event');
    else if (m.kind === 'time') c.add('hl-time');
  }
  return [...c].join(' ');
}

/** Where a click on a piece goes: the actor it names, else the speaker or source. */
function target(p: Piece): string | null {
  const order: Mark['kind'][] = ['mention', 'speaker', 'quote', 'event'];
  for (const kind of order)
    for (const m of p.marks) {
      if (m.kind !== kind) continue;
      if (m.kind === 'mention') return m.m.actor;
      if ((m.kind === 'speaker' || m.kind === 'quote') && m.q.actor) return m.q.actor;
      if (m.kind === 'event' && m.e.source) return m.e.source;
    }
  return null;
}

function Tip({ hover, actors }: { hover: Hover; actors: Map<string, Actor> }) {
  const name = (id: string | null) => (id ? actors.get(id)?.name ?? id : 'unknown');
  const seen = new Set<string>();
  const rows = hover.piece.marks.filter((m) => {
    const k = `${m.kind}:${m.i}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const left = Math.min(hover.x + 14, window.innerWidth - 340);
  return (
    <div className="tip" style={{ left, top: hover.y + 18 }} role="tooltip">
      {rows.map((m) => {
        switch (m.kind) {
          case 'quote':
            return (
              <div key={`q${m.i}`} className="tip-row">
                <span className="tip-kind quote">{m.q.direct ? 'Direct quote' : 'Reported speech'}</span>
                <div>Speaker: <b>{name(m.q.actor)}</b>{m.q.speaker && m.q.speaker.text !== name(m.q.actor) ? ` (“${m.q.speaker.text}”)` : ''}</div>
                {m.q.cue && <div>Cue: {m.q.cue.text}</div>}
                {m.q.date && <div>Date: {fmtDate(m.q.date)}</div>}
                {m.q.about.length > 0 && <div>About: {m.q.about.map(name).join(', ')}</div>}
                {typeof m.q.tone === 'number' && m.q.tone !== 0 && <div>Tone: {m.q.tone > 0 ? 'warm' : 'hostile'} ({m.q.tone > 0 ? '+' : ''}{m.q.tone})</div>}
              </div>
            );
          case 'speaker':
            return (
              <div key={`s${m.i}`} className="tip-row">
                <span className="tip-kind speaker">Speaker</span> of a quote
              </div>
            );
          case 'mention': {
            const a = actors.get(m.m.actor);
            return (
              <div key={`m${m.i}`} className="tip-row">
                <span className={`tip-kind t-${m.m.type}`}>{m.m.type}</span> <b>{a?.name ?? m.m.actor}</b>
                {a?.role && <div>{a.role}</div>}
              </div>
            );
          }
          case 'event':
            return (
              <div key={`e${m.i}`} className="tip-row">
                <span className="tip-kind event">{m.e.type}</span> {name(m.e.source)} → {name(m.e.target)}
                <div>
                  {m.e.modality} · {fmtDate(m.e.date)} · intensity {m.e.intensity > 0 ? '+' : ''}
                  {m.e.intensity}
                </div>
              </div>
            );
          case 'time':
            return (
              <div key={`t${m.i}`} className="tip-row">
                <span className="tip-kind time">Time</span> {m.t.value ? fmtDate(m.t.value) : 'not anchored'}
              </div>
            );
        }
      })}
      <div className="tip-hint">Click to open the actor</div>
    </div>
  );
}

export function ArticleText({ doc, layers, at }: { doc: Document; layers: Layers; at: number | null }) {
  const pieces = useMemo(() => annotate(doc, layers), [doc, layers]);
  const actors = useMemo(() => new Map(doc.actors.map((a) => [a.id, a])), [doc]);
  const [hover, setHover] = useState<Hover | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (at === null || !box.current) return;
    const el = [...box.current.querySelectorAll<HTMLElement>('[data-s]')].find((e) => Number(e.dataset.s) <= at && at < Number(e.dataset.e));
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.classList.add('flash');
    const t = setTimeout(() => el.classList.remove('flash'), 2400);
    return () => clearTimeout(t);
  }, [at, pieces]);

  const pieceAt = (e: MouseEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-p]');
    return el ? pieces[Number(el.dataset.p)] : null;
  };

  return (
    <div
      ref={box}
      className="article-text"
      onMouseMove={(e) => {
        const p = pieceAt(e);
        setHover(p && p.marks.length ? { x: e.clientX, y: e.clientY, piece: p } : null);
      }}
      onMouseLeave={() => setHover(null)}
      onClick={(e) => {
        const p = pieceAt(e);
        const id = p && target(p);
        if (id) navigate(href(['actor', id]));
      }}
    >
      {pieces.map((p, i) => {
        const text = doc.text.slice(p.start, p.end);
        if (!p.marks.length)
          return (
            <span key={i} data-s={p.start} data-e={p.end}>
              {text}
            </span>
          );
        return (
          <span key={i} data-p={i} data-s={p.start} data-e={p.end} className={classes(p)}>
            {text}
          </span>
        );
      })}
      {hover && <Tip hover={hover} actors={actors} />}
    </div>
  );
}
