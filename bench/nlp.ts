// `npm run bench -- nlp [rounds]`: time of each nlp stage (tokens, entities, actors, times) per
// article on the VOA corpus, one core (CPU time), after a warm-up round. The product bar is 200 articles/s
// end to end on 2 cores, so these stages together must stay well under 4 ms per article.
import { loadVoaStories } from './_voa.js';
import { emptyDocument, type Document } from '../src/document.js';
import { actorsStage } from '../src/nlp/actors.js';
import { entitiesStage } from '../src/nlp/entities.js';
import { timesStage } from '../src/nlp/times.js';
import { tokensStage } from '../src/nlp/tokens.js';


export default async function run(args: string[]): Promise<void> {
  const items = loadVoaStories();
  if (!items) return;
  const rounds = Math.max(1, Number(args[0] ?? 5));
  const stages = [tokensStage, entitiesStage, actorsStage, timesStage].map((f) => f({}));
  const words = items.reduce((n, it) => n + it.text.split(/\s+/).length, 0) / items.length;
  const total = new Map<string, number>(stages.map((s) => [s.name, 0]));
  let mentions = 0;
  let times = 0;
  for (let r = 0; r <= rounds; r++) {
    for (const it of items) {
      const doc: Document = emptyDocument({ id: 'voa', text: it.text, published: it.published?.slice(0, 10) ?? null });
      for (const s of stages) {
        // CPU time, not wall time: the machine is shared, and waiting for a core is not our cost.
        const c0 = process.cpuUsage();
        s.run(doc);
        const c = process.cpuUsage(c0);
        if (r > 0) total.set(s.name, total.get(s.name)! + (c.user + c.system) / 1000);
      }
      if (r === 1) (mentions += doc.mentions.length), (times += doc.times.length);
    }
  }
  const n = items.length * rounds;
  let sum = 0;
  console.log(`VOA: ${items.length} articles, ${words.toFixed(0)} words on average, ${rounds} timed rounds after a warm-up`);
  for (const [name, ms] of total) {
    sum += ms;
    console.log(`  ${name.padEnd(9)} ${(ms / n).toFixed(3)} ms/article`);
  }
  console.log(`  all nlp   ${(sum / n).toFixed(3)} ms/article  (${(1000 / (sum / n)).toFixed(0)} articles/s on one core)`);
  console.log(`  per article: ${(mentions / items.length).toFixed(1)} mentions, ${(times / items.length).toFixed(1)} time expressions`);
}
