// `npm run bench -- quotes [rounds]`: time of the quotes stage per article on the VOA corpus,
// one core (CPU time, so other processes on the machine do not inflate it), after a warm-up
// round; the stages before it run untimed to give it its layers. Whole-pipeline time is printed
// for scale. Budget: the whole pipeline must do 200 articles/s on 2 cores; this stage aims at
// well under 1 ms per article.
import { loadVoaStories } from './_voa.js';
import { createDefaultPipeline, prepare } from '../src/index.js';


export default async function run(args: string[]): Promise<void> {
  const items = loadVoaStories();
  if (!items) return;
  const rounds = Math.max(1, Number(args[0] ?? 3));
  const pipeline = createDefaultPipeline();
  let quoteMs = 0;
  let allMs = 0;
  let quotes = 0;
  let attributed = 0;
  let n = 0;
  for (let r = 0; r <= rounds; r++) {
    for (const it of items) {
      const doc = prepare({ source: `voa:${it.id}`, format: 'text', content: it.text, meta: { published: it.published ?? null } });
      for (const stage of pipeline.stages) {
        const t0 = process.cpuUsage();
        stage.run(doc);
        const d = process.cpuUsage(t0);
        const ms = (d.user + d.system) / 1000;
        if (r > 0) {
          allMs += ms;
          if (stage.name === 'quotes') quoteMs += ms;
        }
      }
      if (r > 0) {
        n++;
        quotes += doc.quotes.length;
        attributed += doc.quotes.filter((q) => q.actor).length;
      }
    }
  }
  console.log(`VOA: ${items.length} articles × ${rounds} rounds`);
  console.log(`quotes stage: ${(quoteMs / n).toFixed(2)} ms/article (CPU)`);
  console.log(`whole pipeline: ${(allMs / n).toFixed(2)} ms/article (CPU)`);
  console.log(`${(quotes / n).toFixed(1)} statements per article, ${((100 * attributed) / Math.max(1, quotes)).toFixed(0)}% with a speaker actor`);
}
