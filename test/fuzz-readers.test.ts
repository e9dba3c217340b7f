// Every reader of src/ingest fed random bytes, random text, and real inputs (examples/) cut at a
// random point or with random damage: each call returns, or refuses with an InputError that
// names the input and says what is wrong in one line. Anything else thrown is a crash; a hang
// fails the test's time limit. Fixed seeds, 200 cases a reader: the same cases in every run.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { decodeText } from '../src/ingest/decode.js';
import { failure, InputError, isFailure } from '../src/ingest/errors.js';
import { parseFeed } from '../src/ingest/feed.js';
import { extractHtmlArticle, htmlFragmentText } from '../src/ingest/html.js';
import { parseJsonlLine } from '../src/ingest/jsonl.js';
import { parseMessyText } from '../src/ingest/messy-text.js';
import { prepare } from '../src/ingest/prepare.js';
import { readInputs } from '../src/ingest/sources.js';
import { repoRoot } from './shared.js';

const RUNS = 200;
const ex = (dir: string) => readdirSync(join(repoRoot, 'examples', dir)).map((f) => readFileSync(join(repoRoot, 'examples', dir, f), 'utf8'));
const samples = { feeds: ex('feeds'), html: ex('html'), text: ex('text'), jsonl: ex('jsonl').flatMap((s) => s.split('\n').filter((l) => l.trim())) };

/** A real input cut at a random point, or with random characters written over part of it. */
function damaged(pool: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(fc.constantFrom(...pool), fc.double({ min: 0, max: 1, noNaN: true })).map(([s, f]) => s.slice(0, Math.floor(s.length * f))),
    fc
      .tuple(fc.constantFrom(...pool), fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ unit: 'binary', maxLength: 40 }))
      .map(([s, f, junk]) => {
        const at = Math.floor(s.length * f);
        return s.slice(0, at) + junk + s.slice(at + junk.length);
      }),
  );
}
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 2000 }), fc.string({ unit: 'grapheme-ascii', maxLength: 2000 }), fc.string({ maxLength: 200 }).map((s) => `<${s}>`));

/** One printable line that says something: what users see of an error (failure() makes it). */
function assertClear(error: string): void {
  assert.ok(error.trim().length > 0, 'empty error');
  assert.ok(!/[\u0000-\u001f\u007f\u2028\u2029]/.test(error), `error is not one printable line: ${JSON.stringify(error)}`);
}

/** Returns, or refuses clearly: an InputError naming `input`, reported as one printable line. */
function returnsOrRefuses(input: string, fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof InputError)) throw new Error(`crash instead of a clear error on ${JSON.stringify(input)}: ${(err as Error)?.stack ?? err}`);
    assert.equal(err.input, input);
    const reported = failure(input, err);
    assert.equal(reported.input, input);
    assertClear(reported.error);
  }
}

const opts = (seed: number) => ({ numRuns: RUNS, seed });

describe('reader fuzzing', () => {
  test('decodeText: random bytes and damaged text', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 4000 }), damaged(samples.text).map((s) => new TextEncoder().encode(s))), (bytes) =>
        returnsOrRefuses('in.bin', () => decodeText(bytes, 'in.bin')),
      ),
      opts(1),
    );
  });

  test('parseFeed: truncated and damaged RSS/Atom, random text', { timeout: 60_000 }, () => {
    fc.assert(fc.property(fc.oneof(damaged(samples.feeds), anyText), (xml) => returnsOrRefuses('feed.xml', () => parseFeed(xml, 'feed.xml'))), opts(2));
  });

  test('parseJsonlLine: truncated and damaged lines, random text', { timeout: 60_000 }, () => {
    fc.assert(fc.property(fc.oneof(damaged(samples.jsonl), anyText), (line) => returnsOrRefuses('a.jsonl:1', () => parseJsonlLine(line, 'a.jsonl:1'))), opts(3));
  });

  test('HTML extraction: truncated and damaged pages, random markup', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(damaged(samples.html), anyText), (html) =>
        returnsOrRefuses('page.html', () => {
          extractHtmlArticle(html, 'https://example.org/page');
          htmlFragmentText(html);
        }),
      ),
      opts(4),
    );
  });

  test('messy text and prepare(): truncated and damaged articles, random text', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(damaged(samples.text), damaged(samples.html), anyText), fc.constantFrom<'text' | 'html'>('text', 'html'), (content, format) =>
        returnsOrRefuses('item', () => {
          parseMessyText(content);
          prepare({ source: 'item', format, content });
        }),
      ),
      opts(5),
    );
  });

  test('readInputs on files: random bytes and damaged inputs of every kind yield items or one failure each', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-fuzz-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const names = ['a.txt', 'b.html', 'c.xml', 'd.jsonl', 'e', 'f.atom'];
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.oneof(
          fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.from(b)),
          fc.oneof(damaged(samples.feeds), damaged(samples.html), damaged(samples.jsonl), damaged(samples.text), anyText).map((s) => Buffer.from(s)),
        ),
        async (name, bytes) => {
          const path = join(dir, `${n++}-${name}`);
          writeFileSync(path, bytes);
          for await (const r of readInputs([path])) {
            if (isFailure(r)) {
              assert.ok(r.input.startsWith(path), `failure names another input: ${r.input}`);
              assertClear(r.error);
            } else {
              assert.equal(typeof r.content, 'string');
              assert.ok(r.source.startsWith(path));
            }
          }
        },
      ),
      opts(6),
    );
  });
});
