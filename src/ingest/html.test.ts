import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractHtmlArticle, htmlFragmentText } from './html.js';
import { prepare } from './prepare.js';

const para = (n: number, topic: string) =>
  Array.from({ length: n }, (_, i) => `<p>${topic} paragraph ${i + 1}: the delegations met again in Geneva on Tuesday and agreed to keep talking about a ceasefire, officials said.</p>`).join('\n');

const page = `<!doctype html><html><head>
<title>Talks Resume in Geneva | The Eastgate Herald</title>
<meta property="og:site_name" content="The Eastgate Herald">
<meta property="article:published_time" content="2025-08-16T21:40:00-08:00">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},
 {"@type":"NewsArticle","headline":"Talks Resume in Geneva","datePublished":"2025-08-16T21:40:00-08:00",
  "author":[{"@type":"Person","name":"Karin Holm"},{"@type":"Person","name":"James Whitcombe"}],
  "publisher":{"@type":"Organization","name":"The Eastgate Herald"},"dateline":"GENEVA"}]}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
<div class="share-bar"><a>Share on X</a><a>Share on Facebook</a></div>
<article class="article-body">
<h1>Talks Resume in Geneva</h1>
${para(6, 'Body')}
<figure><img src="a.jpg"><figcaption>Delegates arrive. Photo: Agency</figcaption></figure>
<div class="related-links"><h3>Related</h3><ul><li><a href="/a">Another story about something</a></li></ul></div>
<p style="display:none">Subscribe to read this hidden teaser text that must never show.</p>
</article>
<footer>© 2025 The Eastgate Herald. All rights reserved.</footer>
</body></html>`;

test('HTML page: JSON-LD @graph metadata, Readability body without furniture, captions or hidden text', () => {
  const a = extractHtmlArticle(page, 'https://eastgate.example/geneva');
  assert.equal(a.meta.title, 'Talks Resume in Geneva');
  assert.equal(a.meta.published, '2025-08-16');
  assert.equal(a.meta.publisher, 'The Eastgate Herald');
  assert.deepEqual(a.meta.authors, ['Karin Holm', 'James Whitcombe']);
  assert.equal(a.meta.dateline, 'GENEVA');
  assert.equal(a.text.split('\n\n').length, 6);
  assert.ok(a.text.startsWith('Body paragraph 1:'));
  assert.doesNotMatch(a.text, /Share on|Photo: Agency|Another story|hidden teaser|Home|All rights/);
});

test('Open Graph and <meta> tags when there is no JSON-LD; the outlet is cut from the <title>', () => {
  const html = `<html><head><title>Kremlin rejects plan - Reuters</title><meta name="author" content="Anna Petrova">
    <meta name="date" content="2025-06-03"></head><body><article>${para(5, 'Wire')}</article></body></html>`;
  const a = extractHtmlArticle(html);
  assert.equal(a.meta.title, 'Kremlin rejects plan');
  assert.equal(a.meta.publisher, 'Reuters');
  assert.equal(a.meta.published, '2025-06-03');
  assert.deepEqual(a.meta.authors, ['Anna Petrova']);
});

test('a page whose body a script fills: the JSON-LD articleBody is used', () => {
  const body = Array.from({ length: 8 }, (_, i) => `Sentence ${i} of the article body that only the structured data carries, in full.`).join(' ');
  const html = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Scripted', articleBody: body })}</script></head>
    <body><div id="app"><p>Loading the article, please wait a moment while the page loads its content for you.</p></div></body></html>`;
  assert.equal(extractHtmlArticle(html).text, body);
});

test('table rows stay rows, cells stay together', () => {
  const t = htmlFragmentText('<p>Standings:</p><table><tr><th>Pos.</th><th>Team</th></tr><tr><td>1</td><td>Kyiv</td></tr></table>');
  assert.equal(t, 'Standings:\n\nPos. Team\n\n1 Kyiv');
});

test('malformed HTML still yields its text; a page with no article is refused', () => {
  const broken = `<html><body><div><p>${'Unclosed paragraphs and a stray </span> tag keep the text readable for the parser. '.repeat(4)}<p>Second <b>bold <i>nested</b> text</i> goes on with more words here.<div></body>`;
  const doc = prepare({ source: 'broken.html', format: 'html', content: broken });
  assert.match(doc.text, /Unclosed paragraphs/);
  assert.match(doc.text, /Second bold nested text/);
  const empty = '<html><head><title>Home</title></head><body><nav><a href="/">Home</a> <a href="/about">About</a></nav><footer>© 2025</footer></body></html>';
  assert.throws(() => prepare({ source: 'nav.html', format: 'html', content: empty }), /nav\.html: no article text found/);
});

test('link lists, one-link teaser paragraphs and menus inside the article node are dropped', () => {
  const html = `<html><body><article>
    <div><a href="/">Home</a><br><a href="/news">News</a><br><a href="/sport">Sport</a><br><a href="/world">World</a></div>
    ${para(5, 'Main')}
    <p><a href="/other">Another story about the summit in Alaska</a></p>
    <ul><li><a href="/a">Envoy meets Putin again</a></li><li><a href="/b">Sanctions bill stalls</a></li></ul>
    <p>The talks will resume next week, <a href="/x">officials said</a>.</p>
  </article></body></html>`;
  const doc = prepare({ source: 'p.html', format: 'html', content: html });
  assert.ok(doc.text.startsWith('Main paragraph 1:'), doc.text.slice(0, 80));
  assert.ok(doc.text.endsWith('The talks will resume next week, officials said.'));
  assert.doesNotMatch(doc.text, /Another story|Envoy meets|Sanctions bill|^Home$|^Sport$/m);
});
