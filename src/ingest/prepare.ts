// From a raw item to a Document: main text (HTML), metadata, cleaning, identity. Pure and
// synchronous, so it can run in a worker thread; the NLP stages run after it (process()).
import { emptyDocument, type Document } from '../document.js';
import type { Pipeline } from '../pipeline.js';
import { normalizeDate } from './dates.js';
import { InputError } from './errors.js';
import { documentId } from './fingerprint.js';
import { extractHtmlArticle } from './html.js';
import { parseMessyText } from './messy-text.js';
import { findPublisher } from './publishers.js';
import type { RawItem } from './raw.js';

/** Fewer words than this from a web page means no article was found on it. */
const MIN_HTML_WORDS = 15;

const words = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

export function prepare(raw: RawItem): Document {
  const given = raw.meta ?? {};
  let text: string;
  let title = given.title?.trim() || null;
  let published = normalizeDate(given.published);
  let publisher = given.publisher?.trim() || null;
  let authors = (given.authors ?? []).map((a) => a.trim()).filter(Boolean);
  let dateline = given.dateline?.trim() || null;
  let url = raw.url ?? null;
  if (raw.format === 'html') {
    const page = extractHtmlArticle(raw.content, url);
    title ??= page.meta.title;
    published ??= page.meta.published;
    publisher ??= page.meta.publisher;
    if (!authors.length) authors = page.meta.authors;
    url ??= page.meta.url;
    dateline ??= page.meta.dateline;
    if (words(page.text) < MIN_HTML_WORDS) throw new InputError(raw.source, 'no article text found in the page');
    text = page.text;
  } else {
    text = raw.content;
  }
  const parsed = parseMessyText(text, { title, web: raw.format === 'html' });
  title ??= parsed.title;
  published ??= parsed.published;
  publisher ??= parsed.publisher;
  if (!authors.length) authors = parsed.authors;
  dateline ??= parsed.dateline;
  if (!parsed.text.trim()) throw new InputError(raw.source, 'no article text (empty after removing boilerplate)');
  if (publisher) publisher = findPublisher(publisher)?.name ?? publisher;
  return emptyDocument({
    id: documentId(parsed.text),
    text: parsed.text,
    title,
    published,
    publisher,
    authors: [...new Set(authors)],
    dateline,
    url,
    source: raw.source,
  });
}

/** prepare() then every pipeline stage: what a worker runs for one item. */
export function processRaw(raw: RawItem, pipeline: Pipeline): Document {
  return pipeline.run(prepare(raw));
}
