// The main text of a news web page: Readability over linkedom, on a page first stripped of what
// is never article (hidden nodes, share bars, captions, promos), turned into paragraphs, and
// checked against the page's own JSON-LD articleBody. Metadata comes from html-meta.ts.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { readHtmlMeta, type HtmlMeta } from './html-meta.js';

export interface HtmlArticle {
  meta: HtmlMeta;
  /** Paragraphs separated by blank lines; whitespace inside a paragraph collapsed. */
  text: string;
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'CAPTION', 'UL', 'CENTER', 'SUMMARY',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO']);

// Class/id words of page furniture that Readability sometimes keeps inside the article node.
const JUNK =
  /(?:^|[\s_-])(?:share|sharing|social|newsletter|signup|sign-up|subscribe|subscription|promo|advert|ad-slot|adslot|ad-container|ad-wrapper|advertisement|related|recommend|recirc|read-more|readmore|more-stories|outbrain|taboola|tags|tag-list|breadcrumb|byline|author-bio|caption|credit|toolbar|print|comments?|disqus|paywall|inline-cta|cta|sponsor|popular|trending|most-read|newsletter-signup|skip-link|visually-hidden|sr-only|screen-reader)(?:$|[\s_-])/i;

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style') ?? '';
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Before Readability: what a reader never sees. */
function dropInvisible(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (SKIP.has(el.tagName) || el.tagName === 'FIGCAPTION' || isHidden(el)) el.remove();
  }
}

/** After Readability, inside the article node: furniture it kept, unless it holds much of the text. */
function dropFurniture(root: Element): void {
  const total = wordCount(root.textContent ?? '');
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!root.contains(el)) continue;
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!cls.trim() || !JUNK.test(cls) || /(?:article|story|post|entry)[-_]?(?:body|content|text)/i.test(cls)) continue;
    if (wordCount(el.textContent ?? '') < 0.3 * total) el.remove();
  }
}

/** Lists of links (related stories, tags) and paragraphs or headings that are one whole link
 *  (a teaser for another story) inside the article node. */
function dropLinkBlocks(root: Element): void {
  const linkShare = (el: Element) => {
    const all = (el.textContent ?? '').replace(/\s+/g, '').length;
    if (!all) return 0;
    let linked = 0;
    for (const a of Array.from(el.querySelectorAll('a'))) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
    return linked / all;
  };
  for (const el of Array.from(root.querySelectorAll('ul, ol, p, h2, h3, h4, h5, h6'))) {
    if (!root.contains(el)) continue;
    const isList = el.tagName === 'UL' || el.tagName === 'OL';
    if (isList ? el.querySelectorAll('li').length >= 2 && linkShare(el) > 0.8 : wordCount(el.textContent ?? '') >= 3 && linkShare(el) > 0.95) el.remove();
  }
}

/** Paragraph text of an element: blocks become paragraphs, <br> a line break. */
export function blockText(root: Node): string {
  const paras: string[] = [];
  let cur = '';
  const flush = () => {
    const t = cur.replace(/[ \t\f\v\u00a0\r\n]+/g, ' ').replace(/ *\n */g, '\n').trim();
    if (t) paras.push(t);
    cur = '';
  };
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      cur += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    if (SKIP.has(el.tagName)) return;
    if (el.tagName === 'BR') {
      cur += '\n';
      return;
    }
    if (el.tagName === 'TD' || el.tagName === 'TH') {
      cur += ' ';
      for (const c of Array.from(el.childNodes)) walk(c);
      cur += ' ';
      return;
    }
    const block = BLOCK.has(el.tagName);
    if (block) flush();
    for (const c of Array.from(el.childNodes)) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return paras.join('\n\n');
}

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

function readabilityText(document: Document): string {
  const article = new Readability<Element>(document, { serializer: (el) => el as Element, charThreshold: 300 }).parse();
  const el = article?.content;
  if (!el) return '';
  dropFurniture(el);
  dropLinkBlocks(el);
  return blockText(el);
}

export function extractHtmlArticle(html: string, url: string | null = null): HtmlArticle {
  // a fragment (JSONL `html`, a pasted <article>) gets the document around it Readability needs
  const { document } = parseHTML(/<html[\s>]|<body[\s>]/i.test(html.slice(0, 5000)) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  const doc = document as unknown as Document;
  const meta = readHtmlMeta(doc, url);
  dropInvisible(doc.documentElement);
  let text = readabilityText(doc);
  // A page's own articleBody is the publisher's statement of the article; prefer it when the
  // DOM text is much shorter (paywall teasers, scripts that fill the body) .
  const body = meta.articleBody ? meta.articleBody.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim() : '';
  if (body && wordCount(body) > 1.3 * wordCount(text)) text = body;
  return { meta, text: dropTitleLine(text, meta.title) };
}

function dropTitleLine(text: string, title: string | null): string {
  if (!title) return text;
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const nl = text.indexOf('\n');
  const firstLine = nl < 0 ? text : text.slice(0, nl);
  return key(firstLine) === key(title) ? text.slice(nl < 0 ? text.length : nl).trimStart() : text;
}

/** Text of an HTML fragment (a feed item's content): paragraphs, no article detection. */
export function htmlFragmentText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const body = (document as unknown as Document).body;
  dropInvisible(body);
  return blockText(body);
}
