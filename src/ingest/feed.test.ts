import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFeed } from './feed.js';

const long = (s: string) => `<p>${Array.from({ length: 12 }, () => s).join(' ')}</p>`;

test('RSS 2.0: complete content:encoded is used, a teaser is left for its link to be fetched', () => {
  const xml = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel><title>Atlas World Desk — Ukraine</title>
  <item><title>Full story</title><link>https://atlas.example/1</link><pubDate>Fri, 04 Jul 2025 09:00:00 GMT</pubDate>
    <dc:creator>Olivia Brandt</dc:creator><dc:creator>Mykola Hrytsenko</dc:creator>
    <content:encoded><![CDATA[${long('Russia launched drones at Kyiv overnight, officials said on Friday.')}]]></content:encoded></item>
  <item><title>Teaser</title><link>https://atlas.example/2</link><description>Leaders met in The Hague to discuss…</description></item>
  </channel></rss>`;
  const items = parseFeed(xml, 'feed.xml');
  assert.equal(items.length, 2);
  assert.equal(items[0].item?.source, 'feed.xml#1');
  assert.deepEqual(items[0].meta, { title: 'Full story', published: 'Fri, 04 Jul 2025 09:00:00 GMT', authors: ['Olivia Brandt', 'Mykola Hrytsenko'], publisher: 'Atlas World Desk' });
  assert.match(items[0].item!.content, /^Russia launched drones/);
  assert.equal(items[1].item, null);
  assert.equal(items[1].link, 'https://atlas.example/2');
});

test('Atom: entries with html content and alternate links', () => {
  const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
    <entry><title type="html">Entry &amp; more</title><link rel="alternate" href="https://d.example/e1"/><published>2025-02-13T10:00:00Z</published>
      <author><name>Elena Marsh</name></author><content type="html">${long('Talks began in Riyadh on Tuesday between the delegations.').replace(/</g, '&lt;')}</content></entry></feed>`;
  const [e] = parseFeed(xml, 'atom.xml');
  assert.equal(e.meta.title, 'Entry & more');
  assert.deepEqual(e.meta.authors, ['Elena Marsh']);
  assert.match(e.item!.content, /^Talks began in Riyadh/);
});

test('a feed that is not XML, or XML that is not a feed, is refused naming the input', () => {
  assert.throws(() => parseFeed('this is { not xml at all', 'news.rss'), /^InputError|news\.rss: not a valid RSS\/Atom feed/);
  assert.throws(() => parseFeed('<html><body>hi</body></html>', 'page.xml'), /page\.xml: not an RSS or Atom feed \(root element <html>\)/);
});
