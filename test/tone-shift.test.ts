// The Trump→Putin relation across our own example articles: warm in early 2025, hostile from
// July (the seeds hold no dated early-2025 Trump statement about Putin, so this is where the
// whole shift is shown end to end: ingest → quotes → tone → dyad series).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dyadSeries, ingest, openStore } from '../src/index.js';
import { repoRoot } from './shared.js';

test('examples: Trump→Putin tone is warm in early 2025 and hostile from July', { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-tone-'));
  const store = await openStore(join(dir, 'tone.db'));
  try {
    const summary = await ingest([join(repoRoot, 'examples')], store, {});
    assert.equal(summary.failed.length, 0);
    const s = await dyadSeries(store, 'Trump', 'Putin', { by: 'month' });
    const mean = (periods: string[]) => {
      const tones = s.points.filter((p) => periods.includes(p.period) && p.tone !== null).map((p) => p.tone as number);
      assert.ok(tones.length, `quotes about Putin by Trump in ${periods.join(', ')}`);
      return tones.reduce((a, b) => a + b, 0) / tones.length;
    };
    const early = mean(['2025-01', '2025-02']);
    const late = mean(['2025-07', '2025-08', '2025-09']);
    assert.ok(early > 0, `early-2025 tone ${early}`);
    assert.ok(late < 0, `July–September tone ${late}`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
