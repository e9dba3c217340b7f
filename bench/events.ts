// `npm run bench -- events [rounds]`: time of the events and positions stages per article on the
// VOA corpus, one core (CPU time, so other processes on the machine do not inflate it), after a
// warm-up round. The earlier stages run first (untimed) to give them their input layers.
// Budget: the whole pipeline must do 200 articles/s on 2 cores; these two stages aim at ~1 ms each.
import { loadVoaStories } from './_voa.js';
import { createDefaultPipeline, emptyDocument } from '../src/index.js';

const TIMED = new Set(['events', 'positions']);

export default async function run(args: string[]): Promise<void> {
  const items = loadVoaStories();
  if (!items) return;
  const rounds = Math.max(1, Number(args[0] ?? 3));
  const pipeline = createDefaultPipeline();
  const cpu = new Map<string, number>([...TIMED].map((n) => [n, 0]));
  let events = 0;
  let positions = 0;
  let n = 0;
  for (let r = 0; r <= rounds; r++) {
    for (const it of items) {
      const doc = emptyDocument({ id: 'voa', text: it.text, published: it.published?.slice(0, 10) ?? null });
      for (const stage of pipeline.stages) {
        const t0 = process.cpuUsage();
        stage.run(doc);
        const d = process.cpuUsage(t0);
        if (r > 0 && TIMED.has(stage.name)) cpu.set(stage.name, cpu.get(stage.name)! + (d.user + d.system) / 1000);
      }
      if (r > 0) {
        n++;
        events += doc.events.length;
        positions += doc.positions?.length ?? 0;
      }
    }
  }
  console.log(`${items.length} VOA articles × ${rounds} rounds (after a warm-up round), CPU time on one core`);
  for (const [name, ms] of cpu) console.log(`${name.padEnd(10)} ${(ms / n).toFixed(2)} ms/article`);
  console.log(`per article: ${(events / n).toFixed(1)} events, ${(positions / n).toFixed(1)} positions`);
}
