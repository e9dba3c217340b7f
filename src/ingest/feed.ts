// RSS 2.0, RSS 1.0 (RDF) and Atom feeds. An item whose content is the whole article is used as
// is; otherwise its link is fetched. Feed-level facts (channel title) become the publisher.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from './errors.js';
import { htmlFragmentText } from './html.js';
import type { RawItem, RawMeta } from './raw.js';

export interface FeedItem {
  /** The item itself when its content is complete; null when the link must be fetched. */
  item: RawItem | null;
  link: string | null;
  source: string;
  meta: RawMeta;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link', 'author', 'dc:creator', 'category'].includes(name),
});

/** Fewer words than this, or a trailing "…"/"Read more", and an item is only a teaser. */
const COMPLETE_WORDS = 80;
const TRUNCATED = /(?:…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading|read the full (?:story|article))\s*\W*$/i;

type X = Record<string, unknown>;

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || null;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as X)['#text'] ?? (v as X).name);
  return null;
}

function linkOf(v: unknown): string | null {
  const list = Array.isArray(v) ? v : v ? [v] : [];
  for (const l of list) {
    if (typeof l === 'string' && l.trim()) return l.trim();
    if (l && typeof l === 'object') {
      const o = l as X;
      const rel = (o['@_rel'] as string | undefined) ?? 'alternate';
      if (rel === 'alternate' && typeof o['@_href'] === 'string') return o['@_href'];
      if (typeof o['#text'] === 'string') return o['#text'];
    }
  }
  return null;
}

function authorsOf(...vs: unknown[]): string[] {
  const out: string[] = [];
  for (const v of vs) for (const a of Array.isArray(v) ? v : v ? [v] : []) {
    const n = text(a);
    // RSS <author> is often "email (Name)"
    if (n) out.push(n.replace(/^\S+@\S+\s*\((.+)\)$/, '$1').replace(/^\S+@\S+$/, '').trim());
  }
  return out.filter(Boolean);
}

const words = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

export function parseFeed(xml: string, source: string): FeedItem[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new InputError(source, `not a valid RSS/Atom feed: ${valid.err.msg} (line ${valid.err.line})`);
  const doc = parser.parse(xml) as X;
  const rss = doc.rss as X | undefined;
  const rdf = doc['rdf:RDF'] as X | undefined;
  const atom = doc.feed as X | undefined;
  let channelTitle: string | null = null;
  let entries: X[];
  if (rss || rdf) {
    const channel = ((rss?.channel ?? rdf?.channel) as X | undefined) ?? {};
    channelTitle = text(channel.title);
    entries = ((channel.item ?? rdf?.item) as X[] | undefined) ?? [];
  } else if (atom) {
    channelTitle = text(atom.title);
    entries = (atom.entry as X[] | undefined) ?? [];
  } else {
    const root = Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'none';
    throw new InputError(source, `not an RSS or Atom feed (root element <${root}>)`);
  }
  return entries.map((e, i) => {
    const link = linkOf(e.link) ?? (typeof e.guid === 'string' && /^https?:/.test(e.guid) ? e.guid : null);
    const meta: RawMeta = {
      title: text(e.title),
      published: text(e.pubDate) ?? text(e.published) ?? text(e['dc:date']) ?? text(e.updated),
      authors: authorsOf(e['dc:creator'], e.author),
      publisher: channelTitle ? channelTitle.split(/\s+(?:[-–—|:])\s+/)[0] : null,
    };
    const candidates = [text(e['content:encoded']), text(e.content), text(e.description), text(e.summary)]
      .filter((c): c is string => !!c)
      .map((c) => (/<[a-z][\s\S]*>/i.test(c) ? htmlFragmentText(c) : c));
    const best = candidates.sort((a, b) => words(b) - words(a))[0] ?? '';
    const complete = !!best && (!link || (words(best) >= COMPLETE_WORDS && !TRUNCATED.test(best)));
    const itemSource = `${source}#${i + 1}`;
    return {
      item: complete ? { source: itemSource, format: 'text', content: best, url: link, meta } : null,
      link,
      source: itemSource,
      meta,
    };
  });
}
