// Article metadata a web page declares about itself: JSON-LD (NewsArticle and kin), Open Graph
// and other <meta> tags, <time>, <title>. Structured data wins over tags, tags over the title.
import { normalizeDate } from './dates.js';
import { findPublisher } from './publishers.js';

export interface HtmlMeta {
  title: string | null;
  published: string | null;
  publisher: string | null;
  authors: string[];
  url: string | null;
  dateline: string | null;
  /** JSON-LD articleBody, when the page carries one. */
  articleBody: string | null;
}

type Json = Record<string, unknown>;
const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|Report|LiveBlogPosting|WebPage|ScholarlyArticle|SocialMediaPosting)$/;

function types(o: Json): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function collect(node: unknown, out: Json[]): void {
  if (Array.isArray(node)) for (const n of node) collect(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Json;
    if (types(o).some((t) => ARTICLE_TYPES.test(t))) out.push(o);
    if (o['@graph']) collect(o['@graph'], out);
    if (o.mainEntity) collect(o.mainEntity, out);
  }
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') return str((v as Json).name ?? (v as Json)['@value']);
  return null;
}

function names(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v ? [v] : [];
  const out: string[] = [];
  for (const a of list) {
    const n = str(a);
    if (n && !/^https?:\/\//.test(n)) out.push(...n.split(/\s*(?:,|\band\b)\s*/).filter((x) => x.split(/\s+/).length >= 2 || list.length === 1));
  }
  return out;
}

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[\da-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (m, e: string) => {
    const l = e.toLowerCase();
    if (l[0] === '#') return String.fromCodePoint(l[1] === 'x' ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' } as Record<string, string>)[l] ?? m;
  });
}

export function readHtmlMeta(document: Document, pageUrl: string | null): HtmlMeta {
  const meta = new Map<string, string>();
  for (const m of Array.from(document.querySelectorAll('meta'))) {
    const k = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase();
    const v = m.getAttribute('content');
    if (k && v && !meta.has(k)) meta.set(k, v.trim());
  }
  const ld: Json[] = [];
  for (const s of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collect(JSON.parse(s.textContent ?? ''), ld);
    } catch {
      /* broken JSON-LD is common; the other sources still apply */
    }
  }
  const article = ld.find((o) => !types(o).includes('WebPage')) ?? ld[0] ?? {};
  const first = (...keys: string[]) => keys.map((k) => meta.get(k)).find((v) => v) ?? null;

  const docTitle = document.querySelector('title')?.textContent?.trim() ?? null;
  let title = str(article.headline) ?? first('og:title', 'twitter:title', 'headline', 'dc.title', 'sailthru.title') ?? docTitle;
  if (title) title = decodeEntities(title).replace(/\s+/g, ' ').trim();
  let publisher = str(article.publisher) ?? first('og:site_name', 'application-name', 'publisher', 'dc.publisher');
  if (title && !str(article.headline)) {
    // `Headline | Outlet` in <title> and og:title
    const m = /^(.{8,}?)\s+(?:[|–—]|-{1,2}|::)\s+([^|–—]{2,60})$/.exec(title);
    if (m && (findPublisher(m[2]) || (publisher && m[2].toLowerCase().includes(publisher.toLowerCase())))) {
      title = m[1].trim();
      publisher ??= findPublisher(m[2])?.name ?? m[2].trim();
    }
  }
  const published = normalizeDate(
    str(article.datePublished) ??
      first('article:published_time', 'og:article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'dc.date', 'dc.date.issued', 'dcterms.created', 'parsely-pub-date', 'sailthru.date', 'article.published', 'published_time', 'og:published_time') ??
      document.querySelector('time[datetime]')?.getAttribute('datetime') ??
      str(article.dateCreated),
  );
  let authors = names(article.author);
  if (!authors.length) {
    const a = first('author', 'article:author', 'byl', 'dc.creator', 'sailthru.author', 'parsely-author');
    if (a && !/^https?:\/\//.test(a)) authors = a.replace(/^by\s+/i, '').split(/\s*(?:,|\band\b)\s*/).filter(Boolean);
  }
  const url = first('og:url') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? pageUrl;
  const body = str(article.articleBody);
  return {
    title: title || null,
    published,
    publisher: publisher ? (findPublisher(publisher)?.name ?? decodeEntities(publisher)) : null,
    authors: [...new Set(authors.map((a) => decodeEntities(a).trim()).filter(Boolean))],
    url: url && /^https?:\/\//.test(url) ? url : pageUrl,
    dateline: str(article.dateline),
    articleBody: body ? decodeEntities(body) : null,
  };
}
