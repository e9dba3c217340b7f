// Integrity of the shipped actor dictionary (lexicons/actors/*.yaml): the data is edited by
// hand, so a typo in an id, a country code or a date must fail here rather than silently
// break affiliation roll-ups or role resolution at run time.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import countries from 'world-countries';
import { parse } from 'yaml';
import { repoRoot } from './shared.js';

interface Role {
  title?: unknown;
  descriptions?: unknown;
  from?: unknown;
  to?: unknown;
}
interface Entry {
  id?: unknown;
  name?: unknown;
  type?: unknown;
  aliases?: unknown;
  gender?: unknown;
  country?: unknown;
  affiliation?: unknown;
  roles?: Role[];
  file: string;
}

const dir = join(repoRoot, 'lexicons', 'actors');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
const entries: Entry[] = files.flatMap((file) => {
  const data = parse(readFileSync(join(dir, file), 'utf8')) as { actors?: Omit<Entry, 'file'>[] } | null;
  return (data?.actors ?? []).map((a) => ({ ...a, file }));
});
const iso = new Set(countries.map((c) => c.cca3));
const ids = new Set(entries.map((e) => String(e.id)));
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateOf = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

test('every dictionary file parses and lists actors', () => {
  assert.ok(files.length > 0);
  for (const f of files) {
    const data = parse(readFileSync(join(dir, f), 'utf8')) as { actors?: unknown };
    assert.ok(Array.isArray(data?.actors), `${f}: "actors" is not a list`);
  }
});

test('ids are unique across files and kebab-case; types are known', () => {
  const seen = new Map<string, string>();
  for (const e of entries) {
    const id = String(e.id);
    assert.ok(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id), `${e.file}: id "${id}" is not kebab-case`);
    assert.ok(!seen.has(id), `id ${id} is in both ${seen.get(id)} and ${e.file}`);
    seen.set(id, e.file);
    assert.ok(typeof e.name === 'string' && e.name.length > 0, `${id}: no name`);
    assert.ok(['PERSON', 'ORG', 'GROUP', 'LOCATION'].includes(String(e.type)), `${id}: type ${String(e.type)}`);
    assert.ok(e.aliases === undefined || Array.isArray(e.aliases), `${id}: aliases is not a list`);
  }
});

test('countries are ISO alpha-3 codes and affiliations name a listed actor or a country', () => {
  for (const e of entries) {
    if (e.country !== undefined && e.country !== null) assert.ok(iso.has(String(e.country)), `${e.id}: country ${String(e.country)} is not ISO alpha-3`);
    if (e.affiliation !== undefined && e.affiliation !== null) {
      const a = String(e.affiliation);
      assert.ok(ids.has(a) || iso.has(a), `${e.id} (${e.file}): affiliation "${a}" is neither an actor id nor a country code`);
      assert.notEqual(a, e.id, `${e.id} is affiliated with itself`);
    }
  }
});

test('affiliation chains end in a country or an international body, without cycles', () => {
  const byId = new Map(entries.map((e) => [String(e.id), e]));
  for (const e of entries) {
    const path = [String(e.id)];
    let cur: Entry | undefined = e;
    while (cur?.affiliation) {
      const next = String(cur.affiliation);
      assert.ok(!path.includes(next), `affiliation cycle: ${[...path, next].join(' -> ')}`);
      path.push(next);
      cur = byId.get(next);
    }
  }
});

test('people have a gender; role dates are YYYY-MM-DD and end after they start', () => {
  for (const e of entries) {
    if (e.type === 'PERSON') assert.ok(e.gender === 'male' || e.gender === 'female', `${e.id}: gender ${String(e.gender)}`);
    for (const r of e.roles ?? []) {
      assert.ok(typeof r.title === 'string' && r.title.length > 0, `${e.id}: a role without a title`);
      assert.ok(r.descriptions === undefined || Array.isArray(r.descriptions), `${e.id}: descriptions is not a list`);
      const from = dateOf(r.from);
      const to = dateOf(r.to);
      for (const d of [from, to]) if (d !== null) assert.ok(DATE.test(d), `${e.id}: role date "${d}"`);
      if (from && to) assert.ok(from < to, `${e.id}: ${String(r.title)} ends (${to}) before it starts (${from})`);
    }
  }
});

test('one role holder at a time for the offices that changed hands in 2024-2025', () => {
  // title -> holders in order; each hand-over date must match (to of one = from of the next)
  const offices: [string, string[]][] = [
    ['Chancellor of Germany', ['olaf-scholz', 'friedrich-merz']],
    ['Secretary General of NATO', ['jens-stoltenberg', 'mark-rutte']],
    ['High Representative of the Union for Foreign Affairs and Security Policy', ['josep-borrell', 'kaja-kallas']],
    ['President of the European Council', ['charles-michel', 'antonio-costa']],
    ['Foreign Minister of Ukraine', ['dmytro-kuleba', 'andrii-sybiha']],
    ['Defence Minister of Ukraine', ['rustem-umerov', 'denys-shmyhal']],
    ['President of Poland', ['andrzej-duda', 'karol-nawrocki']],
    ['Prime Minister of Canada', ['justin-trudeau', 'mark-carney']],
  ];
  const byId = new Map(entries.map((e) => [String(e.id), e]));
  for (const [title, holders] of offices) {
    const spans = holders.map((id) => {
      const role = byId.get(id)?.roles?.find((r) => r.title === title);
      assert.ok(role, `${id} has no role "${title}"`);
      return { id, from: dateOf(role.from), to: dateOf(role.to) };
    });
    for (let i = 1; i < spans.length; i++)
      assert.equal(spans[i - 1].to, spans[i].from, `${title}: ${spans[i - 1].id} leaves ${spans[i - 1].to}, ${spans[i].id} starts ${spans[i].from}`);
    assert.equal(spans[spans.length - 1].to, null, `${title}: the current holder has an end date`);
  }
});
