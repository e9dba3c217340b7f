// The store contract: one test suite every engine must pass, so SQLite and PostgreSQL return
// the same results for the same calls. sqlite.test.ts and postgres.test.ts register it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Document, Event, Mention, Position, Quote } from '../document.js';
import { emptyDocument } from '../document.js';
import { documentId } from '../ingest/fingerprint.js';
import { migrations } from './migrations.js';
import { SEARCH_WINDOW } from './rows.js';
import { StoreError, type DyadPoint, type Page, type Store } from './store.js';

/** An empty database of one engine; open() gives another, unmigrated handle on the same data. */
export interface StoreDatabase {
  open(): Store;
  drop(): Promise<void>;
}

export interface ContractOptions {
  /** Why the suite cannot run here (it is then skipped with this message). */
  skip?: string | false;
}

export function storeContract(engine: string, create: () => Promise<StoreDatabase>, options: ContractOptions = {}): void {
  /** A migrated store on a fresh database, closed and dropped afterwards. */
  async function withStore(fn: (s: Store, db: StoreDatabase) => Promise<void>): Promise<void> {
    const db = await create();
    const s = db.open();
    try {
      await s.migrate();
      await fn(s, db);
    } finally {
      await s.close();
      await db.drop();
    }
  }

  describe(`store contract: ${engine}`, { skip: options.skip || false }, () => {
    test('migrate applies every version once, forward only, and is safe to run concurrently', async () => {
      const db = await create();
      const stores = [db.open(), db.open(), db.open()];
      try {
        assert.equal(stores[0].engine, engine);
        const applied = await Promise.all(stores.map((s) => s.migrate()));
        const all = migrations.map((m) => m.version);
        assert.deepEqual(applied.flat().sort((a, b) => a - b), all, 'each version applied exactly once');
        assert.deepEqual(await stores[0].migrate(), []);
        assert.deepEqual(await stores[0].stats(), { articles: 0, actors: 0, quotes: 0, events: 0 });
      } finally {
        for (const s of stores) await s.close();
        await db.drop();
      }
    });

    test('saveDocument stores once, round-trips the document, and reports exact duplicates', () =>
      withStore(async (s) => {
        const a = fixtures()[0];
        assert.deepEqual(await s.saveDocument(a), { id: a.id, status: 'stored' });
        assert.deepEqual(await s.saveDocument(a), { id: a.id, status: 'duplicate' });
        assert.deepEqual(await s.getArticle(a.id), a);
        assert.equal(await s.getArticle('no-such-article'), null);
        // Tokens are not kept (most of a document's size; any stage recomputes them); every other layer is.
        const t = doc({ text: 'Tokens are dropped on save.', published: '2025-08-01' });
        t.tokens = [{ start: 0, end: 6, pos: 'NOUN', lemma: 'token', sentence: 0 }];
        t.sentences = [{ start: 0, end: t.text.length }];
        await s.saveDocument(t);
        assert.deepEqual(await s.getArticle(t.id), { ...t, tokens: [] });
        const st = await s.stats();
        assert.deepEqual(st, { articles: 2, actors: a.actors.length, quotes: a.quotes.length, events: a.events.length });
      }));

    test('near duplicates are stored and linked to the article they re-publish', () =>
      withStore(async (s) => {
        const base = longBody(1);
        const a = doc({ text: base, published: '2025-08-01' });
        const b = doc({ text: base.replace('Thursday', 'Friday'), published: '2025-08-02' });
        const c = doc({ text: base.replace('Thursday', 'Saturday'), published: '2025-08-03' });
        const other = doc({ text: longBody(2), published: '2025-08-04' });
        assert.equal((await s.saveDocument(a)).status, 'stored');
        assert.deepEqual(await s.saveDocument(b), { id: b.id, status: 'near-duplicate', duplicateOf: a.id });
        // A near duplicate of a near duplicate points at the original, not at the copy.
        assert.deepEqual(await s.saveDocument(c), { id: c.id, status: 'near-duplicate', duplicateOf: a.id });
        assert.deepEqual(await s.saveDocument(other), { id: other.id, status: 'stored' });
        const listed = await s.listArticles();
        assert.deepEqual(
          listed.items.map((x) => [x.id, x.duplicateOf]),
          [[other.id, null], [c.id, a.id], [b.id, a.id], [a.id, null]],
        );
      }));

    test('copies of a syndicated story all link to the original', () =>
      withStore(async (s) => {
        const base = longBody(4);
        const original = doc({ text: base });
        const copies = Array.from({ length: 30 }, (_, i) => doc({ text: base.replace('Thursday', `day ${i + 1}`) }));
        await s.saveDocument(original);
        const res = [...(await s.saveDocuments(copies.slice(0, 15))), ...(await Promise.all(copies.slice(15).map((d) => s.saveDocument(d))))];
        assert.deepEqual(res, copies.map((d) => ({ id: d.id, status: 'near-duplicate', duplicateOf: original.id })));
      }));

    test('saveDocuments: one result per document, in order, duplicates inside the batch included', () =>
      withStore(async (s) => {
        const [a, b, c] = fixtures();
        const base = longBody(3);
        const n1 = doc({ text: base });
        const n2 = doc({ text: base.replace('Thursday', 'Sunday') });
        assert.deepEqual(await s.saveDocument(b), { id: b.id, status: 'stored' });
        const res = await s.saveDocuments([a, b, c, a, n1, n2]);
        assert.deepEqual(res, [
          { id: a.id, status: 'stored' },
          { id: b.id, status: 'duplicate' },
          { id: c.id, status: 'stored' },
          { id: a.id, status: 'duplicate' },
          { id: n1.id, status: 'stored' },
          { id: n2.id, status: 'near-duplicate', duplicateOf: n1.id },
        ]);
        assert.deepEqual(await s.saveDocuments([]), []);
        const st = await s.stats();
        assert.equal(st.articles, 5);
        assert.equal(st.quotes, a.quotes.length + b.quotes.length + c.quotes.length);
        assert.equal(st.events, a.events.length + b.events.length + c.events.length);
      }));

    test('concurrent saves of the same documents from two connections store each once', () =>
      withStore(async (s, db) => {
        const other = db.open();
        try {
          const docs = fixtures();
          const batches = [docs, [...docs].reverse(), docs, [...docs].reverse()];
          const results = await Promise.all(batches.map((batch, i) => (i % 2 ? other : s).saveDocuments(batch)));
          const stored = results.flat().filter((r) => r.status === 'stored').map((r) => r.id);
          assert.deepEqual(stored.sort(), docs.map((d) => d.id).sort(), 'each document stored by exactly one save');
          const st = await s.stats();
          assert.equal(st.articles, docs.length);
          assert.equal(st.quotes, docs.reduce((n, d) => n + d.quotes.length, 0));
          const putin = await s.getActor('vladimir-putin');
          assert.equal(putin?.mentions, countMentions(docs, 'vladimir-putin'));
          assert.deepEqual(await s.dyadSeries({ source: 'RUS', target: 'UKR', exact: true }), [
            { period: '2025-08', events: 1, byType: { ASSAULT: 1 }, intensity: -9, quotes: 0, tone: null },
          ], 'per-day dyad totals counted once');
        } finally {
          await other.close();
        }
      }));

    test('listArticles: newest first, undated last, filters, counts and a total cursor', () =>
      withStore(async (s) => {
        const docs = fixtures();
        await s.saveDocuments(docs);
        const all = await s.listArticles();
        assert.equal(all.next, null);
        assert.deepEqual(all.items.map((x) => x.published), ['2025-08-22', '2025-08-18', '2025-08-18', '2025-07-30', null]);
        const [a] = docs;
        const sa = all.items.find((x) => x.id === a.id)!;
        assert.deepEqual(
          { ...sa, ingestedAt: '' },
          {
            id: a.id, title: a.title, published: a.published, publisher: a.publisher, authors: a.authors, dateline: a.dateline,
            url: a.url, source: a.source, duplicateOf: null, ingestedAt: '', snippet: a.text.slice(0, 240),
            counts: { mentions: a.mentions.length, quotes: a.quotes.length, events: a.events.length },
          },
        );
        assert.ok(!Number.isNaN(Date.parse(sa.ingestedAt)));
        // Paging two at a time walks the same list, each article once.
        const walked = await walk((cursor) => s.listArticles({ limit: 2, cursor }));
        assert.deepEqual(walked.map((x) => x.id), all.items.map((x) => x.id));
        const ids = (p: Page<{ id: string }>) => p.items.map((x) => x.id).sort();
        assert.deepEqual(ids(await s.listArticles({ from: '2025-08-01', to: '2025-08-20' })), [docs[1].id, docs[2].id].sort());
        assert.deepEqual(ids(await s.listArticles({ publisher: 'Reuters' })), [docs[0].id, docs[2].id].sort());
        assert.deepEqual(ids(await s.listArticles({ actor: 'donald-trump' })), [docs[1].id, docs[2].id].sort());
        assert.deepEqual(ids(await s.listArticles({ actor: 'donald-trump', publisher: 'Reuters' })), [docs[2].id]);
        assert.deepEqual((await s.listArticles({ publisher: 'Nobody' })).items, []);
        await assert.rejects(s.listArticles({ cursor: 'not a cursor' }), (e: unknown) => e instanceof StoreError && e.code === 'bad-request');
      }));

    test('searchArticles: every word, stemmed; ranked, plain-text excerpts, paged', () =>
      withStore(async (s) => {
        const docs = fixtures();
        await s.saveDocuments(docs);
        const hits = await s.searchArticles('drone attack');
        assert.deepEqual(hits.items.map((h) => h.id).sort(), [docs[0].id, docs[3].id].sort());
        for (const h of hits.items) {
          assert.match(h.excerpt, /drone/i);
          assert.doesNotMatch(h.excerpt, /<\/?b>|\[|\]/);
          assert.ok(Number.isFinite(h.rank));
        }
        for (let i = 1; i < hits.items.length; i++) assert.ok(hits.items[i - 1].rank <= hits.items[i].rank, 'best hit first');
        // The article that talks most about drones ranks first.
        assert.equal(hits.items[0].id, docs[3].id);
        assert.deepEqual((await s.searchArticles('ceasefires')).items.map((h) => h.id).sort(), [docs[0].id, docs[1].id].sort(), 'stemmed match');
        assert.deepEqual((await s.searchArticles('ceasef')).items, [], 'whole words, not prefixes');
        assert.deepEqual((await s.searchArticles('Tariffs')).items.map((h) => h.id), [docs[2].id], 'case-insensitive, title or body');
        assert.deepEqual((await s.searchArticles('tariffs drone')).items, []);
        assert.deepEqual((await s.searchArticles('"drone attack"')).items.map((h) => h.id).sort(), [docs[0].id, docs[3].id].sort(), 'phrase');
        assert.deepEqual((await s.searchArticles('"attack drone"')).items, [], 'a phrase keeps its order');
        assert.deepEqual((await s.searchArticles('"drone attack" Kyiv')).items.map((h) => h.id), [docs[0].id], 'phrase and word');
        assert.deepEqual((await s.quotes({ search: '"any price"' })).items.length, 1);
        assert.deepEqual((await s.searchArticles('zebra')).items, []);
        assert.deepEqual(await s.searchArticles('  "*!?  '), { items: [], next: null });
        for (const hostile of [`drone' OR 1=1 --`, 'drone & !attack | (x', 'drone:* <-> "', 'NEAR(drone attack)', 'drone\u0000']) {
          const r = await s.searchArticles(hostile);
          assert.ok(Array.isArray(r.items), hostile);
        }
        const p1 = await s.searchArticles('said', { limit: 2 });
        assert.equal(p1.items.length, 2);
        assert.ok(p1.next);
        const rest = await walk((cursor) => s.searchArticles('said', { limit: 2, cursor }));
        assert.equal(new Set(rest.map((h) => h.id)).size, rest.length);
        assert.equal(rest.length, docs.filter((d) => /\bsaid\b/i.test(d.text)).length);
      }));

    test('searchArticles: a compound matches its joined and hyphenated spellings', () =>
      withStore(async (s) => {
        const joined = doc({ text: 'The ceasefire held overnight along the front, officials said.' });
        const hyphen = doc({ text: 'The cease-fire held overnight as U.N. peace-keepers watched.' });
        const apart = doc({ text: 'Troops did not cease fire until dawn; no peacekeepers were there.' });
        const other = doc({ text: 'Delegates asked the guns to cease; a fire broke out in the port.' });
        await s.saveDocuments([joined, hyphen, apart, other]);
        const ids = async (q: string) => (await s.searchArticles(q)).items.map((h) => h.id).sort();
        const both = [joined.id, hyphen.id, apart.id].sort();
        assert.deepEqual(await ids('ceasefire'), both, 'a listed compound also finds its split form');
        assert.deepEqual(await ids('cease-fire'), both, 'a hyphenated word also finds its joined form');
        assert.deepEqual(await ids('Ceasefires held'), [joined.id, hyphen.id].sort(), 'plural, with another word');
        assert.deepEqual(await ids('peacekeepers'), [hyphen.id, apart.id].sort());
        assert.deepEqual(await ids('peace-keepers'), [hyphen.id, apart.id].sort());
        assert.deepEqual(await ids('"cease fire"'), [hyphen.id, apart.id].sort(), 'a quoted phrase is taken as written');
        assert.deepEqual((await s.quotes({ search: 'cease-fire' })).items, []);
      }));

    test('searchArticles ranks the newest matches first, tier by tier, and paging walks every match once', () =>
      withStore(async (s) => {
        // The best match is the oldest article; SEARCH_WINDOW newer, weaker matches push it into the second tier.
        const best = doc({ text: 'Ceasefire, ceasefire, ceasefire: the ceasefire talks on a ceasefire line.', published: '2025-01-01' });
        const cities = ['Kyiv', 'Moscow', 'Geneva', 'Istanbul', 'Riyadh', 'Brussels', 'Warsaw'];
        const weaker = Array.from({ length: SEARCH_WINDOW + 5 }, (_, i) =>
          doc({ text: `Dispatch ${i} from ${cities[i % cities.length]}: delegates met for ${i + 2} hours and spoke of a ceasefire among many other subjects, officials said.` }),
        );
        await s.saveDocument(best);
        await s.saveDocuments(weaker);
        const first = await s.searchArticles('ceasefire', { limit: 100 });
        assert.equal(first.items.length, 100);
        assert.ok(!first.items.some((h) => h.id === best.id), 'an old match does not outrank the newest tier');
        const walked = await walk((cursor) => s.searchArticles('ceasefire', { limit: 100, cursor }));
        assert.equal(walked.length, SEARCH_WINDOW + 6);
        assert.equal(new Set(walked.map((h) => h.id)).size, walked.length, 'each match once');
        assert.equal(walked[SEARCH_WINDOW].id, best.id, 'the best of the older tier leads it');
        const older = walked.slice(SEARCH_WINDOW).map((h) => h.id);
        assert.deepEqual(new Set(older), new Set([best.id, ...weaker.slice(0, 5).map((d) => d.id)]));
      }));

    test('actors: upsert merges aliases and fields, lookup by id or any alias, counts, filters, pages', () =>
      withStore(async (s) => {
        await s.upsertActors([
          actor('vladimir-putin', 'Vladimir Putin', 'PERSON', ['Putin'], { country: 'RUS' }),
          actor('nato', 'NATO', 'ORG', ['the alliance']),
        ]);
        await s.upsertActors([
          actor('vladimir-putin', 'Vladimir V. Putin', 'PERSON', ['Mr. Putin'], { role: 'President of Russia', affiliation: 'kremlin' }),
        ]);
        const p = await s.getActor('vladimir-putin');
        assert.deepEqual(p, {
          id: 'vladimir-putin', name: 'Vladimir Putin', type: 'PERSON', role: 'President of Russia', country: 'RUS',
          affiliation: 'kremlin', aliases: ['Mr. Putin', 'Putin', 'Vladimir V. Putin'], mentions: 0, articles: 0,
        });
        assert.equal((await s.getActor('mr putin'))?.id, 'vladimir-putin', 'alias lookup ignores case and punctuation');
        assert.equal((await s.getActor('VLADIMIR PUTIN'))?.id, 'vladimir-putin');
        assert.equal((await s.getActor('The Alliance'))?.id, 'nato');
        assert.equal(await s.getActor('nobody at all'), null);

        const docs = fixtures();
        await s.saveDocuments(docs);
        const putin = await s.getActor('Putin');
        assert.equal(putin?.mentions, countMentions(docs, 'vladimir-putin'));
        assert.equal(putin?.articles, docs.filter((d) => d.mentions.some((m) => m.actor === 'vladimir-putin')).length);
        assert.equal(putin?.name, 'Vladimir Putin', 'the stored name wins over a later spelling');
        assert.ok(putin?.aliases.includes('President Putin'), 'aliases seen in documents are kept');
        // An actor first seen only in mentions gets its earlier mentions counted when it is added.
        await s.upsertActors([actor('kyiv', 'Kyiv', 'LOCATION', [])]);
        assert.equal((await s.getActor('kyiv'))?.mentions, countMentions(docs, 'kyiv'));

        const all = await s.listActors({ limit: 1000 });
        const expected = [...all.items].sort((x, y) => y.mentions - x.mentions || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
        assert.deepEqual(all.items.map((a) => a.id), expected.map((a) => a.id), 'most mentioned first, then by id');
        assert.equal(all.items[0].id, 'vladimir-putin');
        assert.ok(all.items.some((a) => a.id === 'RUS') && all.items.some((a) => a.id === 'nato'));
        const walked = await walk((cursor) => s.listActors({ limit: 3, cursor }));
        assert.deepEqual(walked.map((a) => a.id), all.items.map((a) => a.id));
        assert.deepEqual((await s.listActors({ type: 'COUNTRY' })).items.map((a) => a.id).sort(), ['RUS', 'UKR', 'USA']);
        assert.deepEqual((await s.listActors({ search: 'zelen' })).items.map((a) => a.id), ['volodymyr-zelensky']);
        assert.deepEqual((await s.listActors({ search: 'putin', type: 'COUNTRY' })).items, []);
        assert.deepEqual((await s.listActors({ search: '100%_' })).items, []);
      }));

    test('userActors: only actors a user added, by id; later text sightings keep them user actors', () =>
      withStore(async (s) => {
        assert.deepEqual(await s.userActors(), []);
        await s.upsertActors([actor('nato', 'NATO', 'ORG', ['the alliance'])]);
        await s.upsertActors([actor('jane-tester', 'Jane Tester', 'PERSON', ['Tester'], { role: 'Mayor of Testville', country: 'UKR' })], 'user');
        await s.saveDocuments(fixtures());
        await s.upsertActors([actor('jane-tester', 'Jane Tester', 'PERSON', ['Mayor Tester'])]);
        const users = await s.userActors();
        assert.deepEqual(users.map((a) => a.id), ['jane-tester']);
        assert.deepEqual(users[0], {
          id: 'jane-tester', name: 'Jane Tester', type: 'PERSON', role: 'Mayor of Testville', country: 'UKR',
          affiliation: null, aliases: ['Mayor Tester', 'Tester'],
        });
      }));

    test('quotes: by speaker, about, dates, words, article; newest first; paged', () =>
      withStore(async (s) => {
        const docs = fixtures();
        await s.saveDocuments(docs);
        const all = await s.quotes({ limit: 1000 });
        const total = docs.reduce((n, d) => n + d.quotes.length, 0);
        assert.equal(all.items.length, total);
        const dates = all.items.map((q) => q.date ?? '');
        assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
        const q0 = all.items.find((q) => q.text === 'We are ready for talks, but not at any price')!;
        assert.deepEqual(
          { ...q0, id: 0 },
          {
            id: 0, articleId: docs[0].id, articleTitle: docs[0].title, published: '2025-08-22',
            start: docs[0].text.indexOf('We are ready'), end: docs[0].text.indexOf('We are ready') + q0.text.length,
            text: 'We are ready for talks, but not at any price', direct: true, actor: 'vladimir-putin', actorName: 'Vladimir Putin',
            speaker: 'Putin', cue: 'said', channel: null, date: '2025-08-21', about: ['UKR', 'USA'],
          },
        );
        assert.equal(all.items.find((q) => q.articleId === docs[4].id)?.date, null, 'undated article, undated quote');
        const by = await s.quotes({ by: 'vladimir-putin' });
        assert.ok(by.items.length >= 2 && by.items.every((q) => q.actor === 'vladimir-putin'));
        assert.equal(by.items.length, docs.flatMap((d) => d.quotes).filter((q) => q.actor === 'vladimir-putin').length);
        const about = await s.quotes({ about: 'USA' });
        assert.equal(about.items.length, docs.flatMap((d) => d.quotes).filter((q) => q.about.includes('USA')).length);
        assert.ok(about.items.every((q) => q.about.includes('USA')));
        assert.ok((await s.quotes({ from: '2025-08-19' })).items.every((q) => q.date! >= '2025-08-19'));
        assert.ok((await s.quotes({ to: '2025-08-18' })).items.every((q) => q.date! <= '2025-08-18'));
        assert.deepEqual((await s.quotes({ search: 'price' })).items.map((q) => q.text), ['We are ready for talks, but not at any price']);
        assert.deepEqual((await s.quotes({ search: 'prices' })).items.length, 1, 'stemmed');
        assert.deepEqual((await s.quotes({ search: '!!' })).items, []);
        assert.deepEqual((await s.quotes({ articleId: docs[1].id })).items.map((q) => q.articleId), docs[1].quotes.map(() => docs[1].id));
        assert.deepEqual((await s.quotes({ by: 'vladimir-putin', about: 'UKR', to: '2025-08-21' })).items.map((q) => q.text), [q0.text]);
        const walked = await walk((cursor) => s.quotes({ limit: 2, cursor }));
        assert.deepEqual(walked.map((q) => q.id), all.items.map((q) => q.id));
      }));

    test('events: by actor, source, target, type, dates, article; oldest first; evidence; paged', () =>
      withStore(async (s) => {
        const docs = fixtures();
        await s.saveDocuments(docs);
        const all = await s.events({ limit: 1000 });
        assert.equal(all.items.length, docs.reduce((n, d) => n + d.events.length, 0));
        const dates = all.items.map((e) => e.date ?? '');
        assert.deepEqual(dates, [...dates].sort(), 'oldest first');
        const strike = all.items.find((e) => e.type === 'ASSAULT' && e.articleId === docs[0].id)!;
        const src = docs[0].events.find((e) => e.type === 'ASSAULT')!;
        assert.deepEqual(
          { ...strike, id: 0 },
          {
            id: 0, articleId: docs[0].id, articleTitle: docs[0].title, published: '2025-08-22', type: 'ASSAULT', source: 'RUS', target: 'UKR',
            modality: 'asserted', date: '2025-08-21', intensity: -9, trigger: src.trigger, sentence: src.sentence,
            evidence: docs[0].text.slice(src.sentence.start, src.sentence.end),
          },
        );
        const flat = docs.flatMap((d) => d.events.map((e) => ({ ...e, date: e.date ?? d.published })));
        const n = (f: (e: Event) => boolean) => flat.filter(f).length;
        assert.equal((await s.events({ actor: 'UKR' })).items.length, n((e) => e.source === 'UKR' || e.target === 'UKR'));
        assert.equal((await s.events({ source: 'RUS' })).items.length, n((e) => e.source === 'RUS'));
        assert.equal((await s.events({ target: 'UKR' })).items.length, n((e) => e.target === 'UKR'));
        assert.equal((await s.events({ source: 'RUS', target: 'UKR' })).items.length, n((e) => e.source === 'RUS' && e.target === 'UKR'));
        assert.equal((await s.events({ type: 'CONSULT' })).items.length, n((e) => e.type === 'CONSULT'));
        assert.equal((await s.events({ from: '2025-08-18', to: '2025-08-21' })).items.length, n((e) => !!e.date && e.date >= '2025-08-18' && e.date <= '2025-08-21'));
        assert.equal((await s.events({ articleId: docs[2].id })).items.length, docs[2].events.length);
        assert.deepEqual((await s.events({ type: 'SANCTION', actor: 'UKR' })).items, []);
        const ukr = (await s.events({ actor: 'UKR', limit: 100 })).items;
        assert.deepEqual((await walk((cursor) => s.events({ actor: 'UKR', limit: 1, cursor }))).map((e) => e.id), ukr.map((e) => e.id));
        assert.deepEqual(ukr.map((e) => e.date ?? ''), ukr.map((e) => e.date ?? '').sort(), 'oldest first for one actor too');
        assert.deepEqual((await s.events({ actor: 'RUS', type: 'THREATEN', from: '2025-08-18' })).items.map((e) => e.type), ['THREATEN']);
        const walked = await walk((cursor) => s.events({ limit: 2, cursor }));
        assert.deepEqual(walked.map((e) => e.id), all.items.map((e) => e.id));
      }));

    test('dyadSeries: events and tone of a directed dyad per day, week or month, with affiliates rolled up', () =>
      withStore(async (s) => {
        await s.upsertActors([actor('kremlin', 'Kremlin', 'ORG', [], { country: 'RUS' })]);
        await s.saveDocuments(fixtures());
        assert.deepEqual(await s.dyadSeries({ source: 'RUS', target: 'UKR', exact: true }), [
          { period: '2025-08', events: 1, byType: { ASSAULT: 1 }, intensity: -9, quotes: 0, tone: null },
        ]);
        // RUS stands for Putin (country RUS) and Peskov (affiliated to the Kremlin, itself Russian).
        assert.deepEqual(await s.dyadSeries({ source: 'RUS', target: 'USA' }), [
          { period: '2025-08', events: 1, byType: { THREATEN: 1 }, intensity: -5, quotes: 2, tone: -1.5 },
        ]);
        assert.deepEqual(await s.dyadSeries({ source: 'RUS', target: 'USA', exact: true }), [
          { period: '2025-08', events: 1, byType: { THREATEN: 1 }, intensity: -5, quotes: 0, tone: null },
        ]);
        assert.deepEqual(await s.dyadSeries({ source: 'RUS', target: 'USA', by: 'day' }), [
          { period: '2025-08-18', events: 1, byType: { THREATEN: 1 }, intensity: -5, quotes: 1, tone: -2 },
          { period: '2025-08-21', events: 0, byType: {}, intensity: null, quotes: 1, tone: -1 },
        ]);
        assert.deepEqual(await s.dyadSeries({ source: 'RUS', target: 'USA', by: 'week' }), [
          { period: '2025-08-18', events: 1, byType: { THREATEN: 1 }, intensity: -5, quotes: 2, tone: -1.5 },
        ]);
        assert.deepEqual(await s.dyadSeries({ source: 'RUS', target: 'USA', by: 'day', to: '2025-08-20' }), [
          { period: '2025-08-18', events: 1, byType: { THREATEN: 1 }, intensity: -5, quotes: 1, tone: -2 },
        ]);
        assert.deepEqual(await s.dyadSeries({ source: 'RUS', target: 'USA', by: 'day', from: '2025-08-19' }), [
          { period: '2025-08-21', events: 0, byType: {}, intensity: null, quotes: 1, tone: -1 },
        ]);
        // Trump's negated sanction is left out; his call and his words about Putin count for USA → RUS.
        assert.deepEqual(await s.dyadSeries({ source: 'USA', target: 'RUS' }), [
          { period: '2025-08', events: 2, byType: { CONSULT: 1, SANCTION: 1 }, intensity: -1.5, quotes: 1, tone: 2 },
        ]);
        assert.deepEqual(await s.dyadSeries({ source: 'donald-trump', target: 'vladimir-putin', by: 'week' }), [
          { period: '2025-08-18', events: 1, byType: { CONSULT: 1 }, intensity: 1, quotes: 1, tone: 2 },
        ]);
        // Dates only as precise as a year or a month count only in periods they fit.
        const vague = doc({ text: 'Vague dates: Kyiv asked Washington twice.', published: null });
        vague.events = [
          { type: 'REQUEST', source: 'UKR', target: 'USA', modality: 'asserted', date: '2025', intensity: 2, trigger: { start: 18, end: 23, text: 'asked' }, sentence: { start: 0, end: 41 } },
          { type: 'REQUEST', source: 'UKR', target: 'USA', modality: 'asserted', date: '2025-09', intensity: 4, trigger: { start: 18, end: 23, text: 'asked' }, sentence: { start: 0, end: 41 } },
        ];
        await s.saveDocument(vague);
        const monthly = await s.dyadSeries({ source: 'UKR', target: 'USA', exact: true });
        assert.deepEqual(monthly.map((p) => [p.period, p.events]), [['2025-08', 1], ['2025-09', 1]]);
        for (const by of ['day', 'week'] as const)
          assert.deepEqual((await s.dyadSeries({ source: 'UKR', target: 'USA', exact: true, by })).map((p) => p.events), [1], by);
        // A speaker's words about themselves are no dyad.
        assert.deepEqual(await s.dyadSeries({ source: 'volodymyr-zelensky', target: 'volodymyr-zelensky', exact: true }), []);
        assert.deepEqual(await s.dyadSeries({ source: 'nobody', target: 'UKR' }), []);
        await assert.rejects(s.dyadSeries({ source: 'RUS', target: 'UKR', by: 'year' as 'day' }), (e: unknown) => e instanceof StoreError && e.code === 'bad-request');
      }));

    test('dyadSeries by month: whole months and the days of partial ones add up as the daily series does', () =>
      withStore(async (s) => {
        const days = ['2025-01-31', '2025-02-01', '2025-02-14', '2025-02-28', '2025-03-01', '2025-03-15', '2025-04-30', '2025-05-02'];
        // Two articles a day, saved one by one: the second adds to the day's totals of the first.
        for (const [i, day] of days.entries())
          for (const k of [0, 1]) {
            const d = doc({ text: `Report ${i}-${k} of ${day}: Kyiv asked Washington for air defence.`, published: day });
            const type = k ? 'REQUEST' : 'CONSULT';
            d.events = [{ type, source: 'UKR', target: 'USA', modality: 'asserted', date: day, intensity: i + k, trigger: { start: 30, end: 35, text: 'asked' }, sentence: { start: 0, end: d.text.length } }];
            await s.saveDocument(d);
          }
        const months = (daily: DyadPoint[]) => {
          const out = new Map<string, { period: string; events: number; byType: Record<string, number>; sum: number }>();
          for (const p of daily) {
            const m = out.get(p.period.slice(0, 7)) ?? { period: p.period.slice(0, 7), events: 0, byType: {}, sum: 0 };
            for (const [t, n] of Object.entries(p.byType)) m.byType[t] = (m.byType[t] ?? 0) + n;
            m.events += p.events;
            m.sum += (p.intensity ?? 0) * p.events;
            out.set(m.period, m);
          }
          return [...out.values()].map(({ sum, ...m }) => ({ ...m, intensity: Math.round((sum / m.events) * 100) / 100, quotes: 0, tone: null }));
        };
        const ranges: [string | undefined, string | undefined][] = [
          [undefined, undefined], ['2025-02-01', undefined], [undefined, '2025-03-15'], ['2025-01-31', '2025-04-30'],
          ['2025-02', '2025-03'], ['2025-02-14', '2025-02-28'], ['2025', '2025'], ['2025-02-15', '2025-05-01'],
        ];
        for (const [from, to] of ranges) {
          const daily = await s.dyadSeries({ source: 'UKR', target: 'USA', exact: true, by: 'day', from, to });
          assert.deepEqual(await s.dyadSeries({ source: 'UKR', target: 'USA', exact: true, from, to }), months(daily), `${from} .. ${to}`);
        }
        assert.equal((await s.dyadSeries({ source: 'UKR', target: 'USA', exact: true })).length, 5);
      }));

    test('dyads: actor pairs with events or quotes, most active first', () =>
      withStore(async (s) => {
        await s.saveDocuments(fixtures());
        const all = await s.dyads();
        const key = (d: { source: string; target: string }) => `${d.source}>${d.target}`;
        assert.deepEqual(
          all.find((d) => key(d) === 'RUS>USA'),
          { source: 'RUS', target: 'USA', events: 1, intensity: -5, quotes: 0, tone: null, first: '2025-08-18', last: '2025-08-18' },
        );
        assert.deepEqual(
          all.find((d) => key(d) === 'donald-trump>vladimir-putin'),
          { source: 'donald-trump', target: 'vladimir-putin', events: 1, intensity: 1, quotes: 1, tone: 2, first: '2025-08-18', last: '2025-08-18' },
        );
        assert.ok(!all.some((d) => key(d) === 'donald-trump>RUS'), 'negated events are left out');
        assert.ok(!all.some((d) => d.source === d.target));
        const activity = all.map((d) => d.events + d.quotes);
        assert.deepEqual(activity, [...activity].sort((a, b) => b - a));
        assert.deepEqual((await s.dyads({ actor: 'UKR' })).map(key).sort(), ['RUS>UKR', 'UKR>USA', 'vladimir-putin>UKR', 'volodymyr-zelensky>UKR']);
        assert.deepEqual((await s.dyads({ actor: 'UKR', to: '2025-08-21' })).map(key).sort(), ['RUS>UKR', 'vladimir-putin>UKR']);
        assert.deepEqual((await s.dyads({ from: '2025-08-22' })).map(key).sort(), ['UKR>USA', 'volodymyr-zelensky>UKR']);
        assert.equal((await s.dyads({ limit: 2 })).length, 2);
      }));

    test('positions: by actor, issue and dates, oldest first, with evidence; paged', () =>
      withStore(async (s) => {
        const docs = fixtures();
        await s.saveDocuments(docs);
        const all = await s.positions();
        assert.deepEqual(
          all.items.map((p) => [p.actor, p.issue, p.stance, p.date, p.via]),
          [
            ['dmitry-peskov', 'sanctions', 'opposes', '2025-08-17', 'quote'],
            ['donald-trump', 'sanctions', 'opposes', '2025-08-18', 'sentence'],
            ['vladimir-putin', 'ceasefire', 'conditional', '2025-08-21', 'quote'],
            ['volodymyr-zelensky', 'territory', 'opposes', '2025-08-22', 'quote'],
          ],
        );
        const p0 = all.items[2];
        assert.deepEqual({ ...p0, id: 0 }, {
          id: 0, articleId: docs[0].id, articleTitle: docs[0].title, published: '2025-08-22', actor: 'vladimir-putin', issue: 'ceasefire',
          stance: 'conditional', date: '2025-08-21', evidence: docs[0].positions![0].evidence, via: 'quote',
        });
        assert.deepEqual((await s.positions({ issue: 'sanctions' })).items.map((p) => p.actor), ['dmitry-peskov', 'donald-trump']);
        assert.deepEqual((await s.positions({ actor: 'donald-trump', issue: 'sanctions' })).items.length, 1);
        assert.deepEqual((await s.positions({ from: '2025-08-18', to: '2025-08-21' })).items.map((p) => p.issue), ['sanctions', 'ceasefire']);
        const walked = await walk((cursor) => s.positions({ limit: 1, cursor }));
        assert.deepEqual(walked.map((p) => p.id), all.items.map((p) => p.id));
      }));

    test('ingest log: newest first, paged, every field kept', () =>
      withStore(async (s) => {
        const statuses = ['stored', 'duplicate', 'near-duplicate', 'failed'] as const;
        for (let i = 0; i < 7; i++)
          await s.logIngest({
            source: `file-${i}.txt`, status: statuses[i % 4], articleId: i % 4 === 3 ? null : `a${i}`,
            message: i % 4 === 3 ? 'file-3.txt: not UTF-8' : null, at: `2025-08-22T10:00:0${i}.000Z`,
          });
        await s.logIngest({ source: 'bare', status: 'stored' });
        const all = await s.ingestLog({ limit: 100 });
        assert.deepEqual(all.items.map((e) => e.source), ['bare', ...[6, 5, 4, 3, 2, 1, 0].map((i) => `file-${i}.txt`)]);
        assert.deepEqual(
          { ...all.items[4], id: 0 },
          { id: 0, at: '2025-08-22T10:00:03.000Z', source: 'file-3.txt', status: 'failed', articleId: null, message: 'file-3.txt: not UTF-8' },
        );
        assert.equal(all.items[0].articleId, null);
        assert.ok(!Number.isNaN(Date.parse(all.items[0].at!)));
        const walked = await walk((cursor) => s.ingestLog({ limit: 3, cursor }));
        assert.deepEqual(walked.map((e) => e.id), all.items.map((e) => e.id));
      }));

    test('ingest log: a batch is written in one call, in order, nothing for an empty batch', () =>
      withStore(async (s) => {
        await s.logIngestMany([]);
        assert.equal((await s.ingestLog()).items.length, 0);
        const sources = Array.from({ length: 120 }, (_, i) => `feed-item-${i}`);
        await s.logIngestMany(sources.map((source, i) => ({ source, status: i === 7 ? 'failed' : 'stored', articleId: i === 7 ? null : `a${i}`, message: i === 7 ? 'bad' : null })));
        const all = await walk((cursor) => s.ingestLog({ limit: 50, cursor }));
        assert.deepEqual(all.map((e) => e.source), [...sources].reverse());
        assert.deepEqual({ ...all[112], id: 0, at: null }, { id: 0, at: null, source: 'feed-item-7', status: 'failed', articleId: null, message: 'bad' });
      }));

    test('page limits are clamped and text with unusual characters survives', () =>
      withStore(async (s) => {
        const text = 'Zelensky said «Ukraine will not give up its land» — 🇺🇦 — at the drone-factory in Kyiv.\n\nSecond paragraph. Ще не вмерла.';
        const d = doc({ text, title: 'Ünïcödé 🇺🇦', published: '2025-08-10' });
        await s.saveDocument(d);
        assert.deepEqual(await s.getArticle(d.id), d);
        assert.deepEqual((await s.searchArticles('вмерла')).items.map((h) => h.id), [d.id]);
        assert.equal((await s.listArticles({ limit: 0 })).items.length, 1);
        assert.equal((await s.listArticles({ limit: -5 })).items.length, 1);
      }));
  });
}

/** Follow `next` cursors to the end. */
export async function walk<T>(page: (cursor: string | null) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const p = await page(cursor);
    out.push(...p.items);
    if (!p.next) return out;
    cursor = p.next;
  }
  throw new Error('pagination did not end');
}

function countMentions(docs: Document[], actorId: string): number {
  return docs.reduce((n, d) => n + d.mentions.filter((m) => m.actor === actorId).length, 0);
}

export function actor(id: string, name: string, type: Actor['type'], aliases: string[], more: Partial<Actor> = {}): Actor {
  return { id, name, type, aliases, role: null, country: null, affiliation: null, ...more };
}

export function doc(meta: Partial<Document> & { text: string }): Document {
  return { ...emptyDocument({ id: documentId(meta.text), text: meta.text }), ...meta, id: documentId(meta.text) };
}

const FILLER = [
  'Officials in several capitals were still assessing the consequences of the decision late in the evening.',
  'Diplomats described the mood in the room as tense but businesslike, with long pauses between the sessions.',
  'Markets reacted calmly, and the price of oil barely moved after the first reports reached the trading floors.',
  'Analysts cautioned that the statements could change quickly as the negotiators returned to their capitals.',
  'Farmers near the front line said they had not been able to harvest their fields for the second year running.',
  'The foreign ministry published a short readout that listed the topics discussed without giving any details.',
  'Aid groups warned that the coming winter would be hard for families living close to the damaged power plants.',
  'Parliament is expected to debate the measures next month, when the budget committee presents its report.',
];

/** A long body whose SimHash is stable enough for near-duplicate tests; `seed` varies it. */
export function longBody(seed: number): string {
  const rot = (i: number) => FILLER[(i * seed + seed) % FILLER.length];
  return [
    `Officials said on Thursday that talks on case ${seed} would continue, after a night of heavy shelling in the east.`,
    ...Array.from({ length: 24 }, (_, i) => `${rot(i)} Paragraph ${i} of report ${seed} repeats: ${rot(i + 3)}`),
  ].join('\n\n');
}

/**
 * Five hand-built documents with every layer, offsets computed from the text so they are
 * always consistent. Dates: 2025-08-22, 2025-08-18 (x2), 2025-07-30, undated.
 */
export function fixtures(): Document[] {
  const b = new Builder();
  const A = b.build(
    {
      title: 'Russia launches drone attack after Putin call',
      published: '2025-08-22',
      publisher: 'Reuters',
      authors: ['Jane Doe', 'John Roe'],
      dateline: 'KYIV',
      url: 'https://example.com/a',
      source: 'a.txt',
    },
    [
      'Russia launched a drone attack on Kyiv on Thursday, hours after President Putin spoke about a ceasefire.',
      '"We are ready for talks, but not at any price," Putin said on Thursday.',
      'Zelensky said Ukraine would not give up land and asked the United States for more air defence.',
    ],
    (t) => ({
      mentions: [
        t.mention('Russia', 'RUS', 'COUNTRY'),
        t.mention('Kyiv', 'kyiv', 'LOCATION'),
        t.mention('President Putin', 'vladimir-putin', 'PERSON', 'title'),
        t.mention('Putin said', 'vladimir-putin', 'PERSON', 'name', 'Putin'),
        t.mention('Zelensky', 'volodymyr-zelensky', 'PERSON'),
        t.mention('Ukraine would', 'UKR', 'COUNTRY', 'name', 'Ukraine'),
        t.mention('the United States', 'USA', 'COUNTRY'),
      ],
      quotes: [
        t.quote('We are ready for talks, but not at any price', { speaker: 'Putin said', speakerText: 'Putin', cue: 'said on Thursday', cueText: 'said', actor: 'vladimir-putin', about: ['UKR', 'USA'], date: '2025-08-21', tone: -1 }),
        t.quote('Ukraine would not give up land', { direct: false, speaker: 'Zelensky said', speakerText: 'Zelensky', cue: 'said Ukraine', cueText: 'said', actor: 'volodymyr-zelensky', about: ['UKR', 'volodymyr-zelensky'], tone: 1 }),
      ],
      positions: [
        t.position('We are ready for talks, but not at any price', { actor: 'vladimir-putin', issue: 'ceasefire', stance: 'conditional', date: '2025-08-21', via: 'quote' }),
        t.position('Ukraine would not give up land', { actor: 'volodymyr-zelensky', issue: 'territory', stance: 'opposes', date: null, via: 'quote' }),
      ],
      events: [
        t.event('launched', 0, { type: 'ASSAULT', source: 'RUS', target: 'UKR', date: '2025-08-21', intensity: -9 }),
        t.event('asked', 2, { type: 'REQUEST', source: 'UKR', target: 'USA', intensity: 3 }),
      ],
      actors: [
        // kyiv is mentioned but not listed: the store must count it once the actor appears.
        actor('RUS', 'Russia', 'COUNTRY', []),
        actor('vladimir-putin', 'Vladimir Putin', 'PERSON', ['Putin', 'President Putin'], { country: 'RUS', role: 'President of Russia' }),
        actor('volodymyr-zelensky', 'Volodymyr Zelensky', 'PERSON', ['Zelensky'], { country: 'UKR' }),
        actor('UKR', 'Ukraine', 'COUNTRY', []),
        actor('USA', 'United States', 'COUNTRY', ['the United States']),
      ],
    }),
  );
  const B = b.build(
    { title: 'Trump and Putin discuss ceasefire by phone', published: '2025-08-18', publisher: 'AP', source: 'b.txt' },
    [
      'Trump and Putin spoke by phone on Monday about a ceasefire and a possible summit.',
      'Trump wrote that the call was productive and that sanctions could wait.',
    ],
    (t) => ({
      mentions: [t.mention('Trump and', 'donald-trump', 'PERSON', 'name', 'Trump'), t.mention('Putin spoke', 'vladimir-putin', 'PERSON', 'name', 'Putin'), t.mention('Trump wrote', 'donald-trump', 'PERSON', 'name', 'Trump')],
      quotes: [t.quote('the call was productive and that sanctions could wait', { direct: false, speaker: 'Trump wrote', speakerText: 'Trump', cue: 'wrote that', cueText: 'wrote', actor: 'donald-trump', about: ['vladimir-putin'], channel: 'social', tone: 2 })],
      events: [
        t.event('spoke', 0, { type: 'CONSULT', source: 'donald-trump', target: 'vladimir-putin', intensity: 1 }),
        t.event('sanctions', 1, { type: 'SANCTION', source: 'donald-trump', target: 'RUS', modality: 'negated', intensity: -4 }),
      ],
      positions: [t.position('sanctions could wait', { actor: 'donald-trump', issue: 'sanctions', stance: 'opposes', date: null, via: 'sentence' })],
      actors: [actor('donald-trump', 'Donald Trump', 'PERSON', ['Trump'], { country: 'USA' }), actor('vladimir-putin', 'Vladimir Putin', 'PERSON', ['Putin'])],
    }),
  );
  const C = b.build(
    { title: 'Washington weighs tariffs on Russian oil buyers', published: '2025-08-18', publisher: 'Reuters', source: 'c.txt' },
    [
      'The White House said Trump was weighing tariffs on countries that buy Russian oil.',
      'Peskov said Moscow would respond to any new sanctions.',
    ],
    (t) => ({
      mentions: [t.mention('Trump was', 'donald-trump', 'PERSON', 'name', 'Trump'), t.mention('Peskov', 'dmitry-peskov', 'PERSON'), t.mention('Moscow', 'RUS', 'COUNTRY', 'metonym')],
      quotes: [t.quote('Moscow would respond to any new sanctions', { direct: false, speaker: 'Peskov', cue: 'said Moscow', cueText: 'said', actor: 'dmitry-peskov', about: ['USA'], tone: -2 })],
      positions: [t.position('Moscow would respond to any new sanctions', { actor: 'dmitry-peskov', issue: 'sanctions', stance: 'opposes', date: '2025-08-17', via: 'quote' })],
      events: [
        t.event('weighing', 0, { type: 'SANCTION', source: 'USA', target: 'RUS', modality: 'planned', intensity: -4 }),
        t.event('respond', 1, { type: 'THREATEN', source: 'RUS', target: 'USA', modality: 'threatened', intensity: -5 }),
      ],
      actors: [actor('donald-trump', 'Donald Trump', 'PERSON', ['Donald J. Trump']), actor('dmitry-peskov', 'Dmitry Peskov', 'PERSON', ['Peskov'], { affiliation: 'kremlin' }), actor('RUS', 'Russia', 'COUNTRY', ['Moscow'])],
    }),
  );
  const D = b.build(
    { title: 'Drone factories expand', published: '2025-07-30', publisher: 'Kyiv Independent', source: 'd.txt' },
    [
      'Drone makers said drone output doubled, and drone attack drills, drone schools and drone repair shops followed.',
      'Putin said the drone attack threat was exaggerated.',
    ],
    (t) => ({
      mentions: [t.mention('Putin', 'vladimir-putin', 'PERSON')],
      quotes: [t.quote('the drone attack threat was exaggerated', { direct: false, speaker: 'Putin', cue: 'said the drone', cueText: 'said', actor: 'vladimir-putin', about: [] })],
      events: [],
      actors: [actor('vladimir-putin', 'Vladimir Putin', 'PERSON', ['President Vladimir Putin'])],
    }),
  );
  const E = b.build(
    { title: null, published: null, publisher: null, source: 'stdin' },
    ['An undated note: Zelensky thanked partners for their support.'],
    (t) => ({
      mentions: [t.mention('Zelensky', 'volodymyr-zelensky', 'PERSON')],
      quotes: [t.quote('thanked partners for their support', { direct: false, speaker: 'Zelensky', cue: 'thanked', actor: 'volodymyr-zelensky', about: [] })],
      events: [t.event('thanked', 0, { type: 'SUPPORT', source: 'UKR', target: null, intensity: 2 })],
      actors: [actor('volodymyr-zelensky', 'Volodymyr Zelensky', 'PERSON', ['Zelensky'])],
    }),
  );
  return [A, B, C, D, E];
}

class Builder {
  build(
    meta: Partial<Document>,
    sentences: string[],
    layers: (t: TextTools) => { mentions: Mention[]; quotes: Quote[]; events: Event[]; actors: Actor[]; positions?: Position[] },
  ): Document {
    const text = sentences.join(' ');
    const d = doc({ text, ...meta });
    let at = 0;
    d.sentences = sentences.map((s) => {
      const r = { start: at, end: at + s.length };
      at += s.length + 1;
      return r;
    });
    const t = new TextTools(text, d.sentences);
    Object.assign(d, layers(t));
    return d;
  }
}

class TextTools {
  constructor(
    readonly text: string,
    readonly sentences: { start: number; end: number }[],
  ) {}

  /** Span of `needle` (or of `inner` inside the first `needle`) in the text. */
  span(needle: string, inner?: string) {
    const at = this.text.indexOf(needle);
    if (at < 0) throw new Error(`fixture: "${needle}" not in text`);
    const off = inner ? needle.indexOf(inner) : 0;
    const s = at + off;
    const len = (inner ?? needle).length;
    return { start: s, end: s + len, text: this.text.slice(s, s + len) };
  }

  mention(needle: string, actorId: string, type: Mention['type'], kind: Mention['kind'] = 'name', inner?: string): Mention {
    return { ...this.span(needle, inner), actor: actorId, type, kind };
  }

  quote(
    body: string,
    o: { direct?: boolean; speaker: string; speakerText?: string; cue: string; cueText?: string; actor: string; about: string[]; date?: string; channel?: string; tone?: number },
  ): Quote {
    return {
      ...this.span(body),
      direct: o.direct ?? true,
      speaker: this.span(o.speaker, o.speakerText),
      cue: this.span(o.cue, o.cueText),
      actor: o.actor,
      about: o.about,
      ...(o.date ? { date: o.date } : {}),
      ...(o.channel ? { channel: o.channel } : {}),
      ...(o.tone !== undefined ? { tone: o.tone } : {}),
    };
  }

  position(evidence: string, p: Omit<Position, 'evidence'>): Position {
    return { ...p, evidence: this.span(evidence) };
  }

  event(trigger: string, sentence: number, e: Partial<Event> & Pick<Event, 'type' | 'source' | 'target' | 'intensity'>): Event {
    const sent = this.sentences[sentence];
    const at = this.text.indexOf(trigger, sent.start);
    if (at < 0 || at >= sent.end) throw new Error(`fixture: trigger "${trigger}" not in sentence ${sentence}`);
    return { modality: 'asserted', date: null, ...e, trigger: { start: at, end: at + trigger.length, text: trigger }, sentence: { ...sent } };
  }
}
