// One actor across the stored corpus: what the store knows about it, the articles that mention
// it (newest first), the roles articles gave it, and the actors named alongside it. Built on the
// Store interface only, so it works on both engines; co-mentions are counted over the most
// recent `articles` articles that mention the actor.
import type { ActorType } from '../document.js';
import type { ActorSummary, Store } from '../store/store.js';

export interface ActorAppearance {
  articleId: string;
  title: string | null;
  published: string | null;
  mentions: number;
  /** The sentence-sized context of the first mention. */
  excerpt: string;
}

export interface CoMention {
  id: string;
  name: string;
  type: ActorType;
  articles: number;
}

export interface ActorProfile {
  actor: ActorSummary;
  roles: string[];
  appearances: ActorAppearance[];
  coMentioned: CoMention[];
  /** How many articles the appearances and co-mentions were computed from. */
  scanned: number;
}

export async function actorProfile(store: Store, idOrName: string, opts: { articles?: number } = {}): Promise<ActorProfile | null> {
  const actor = await store.getActor(idOrName);
  if (!actor) return null;
  const want = Math.max(1, opts.articles ?? 100);
  const appearances: ActorAppearance[] = [];
  const co = new Map<string, CoMention>();
  const roles = new Set<string>(actor.role ? [actor.role] : []);
  let cursor: string | null = null;
  do {
    const page = await store.listArticles({ actor: actor.id, limit: Math.min(100, want - appearances.length), cursor });
    for (const summary of page.items) {
      const doc = await store.getArticle(summary.id);
      if (!doc) continue;
      const own = doc.mentions.filter((m) => m.actor === actor.id);
      const first = own[0];
      appearances.push({
        articleId: doc.id,
        title: doc.title,
        published: doc.published,
        mentions: own.length,
        excerpt: first ? excerptAround(doc.text, first.start, first.end) : '',
      });
      for (const a of doc.actors) {
        if (a.id === actor.id) {
          if (a.role) roles.add(a.role);
          continue;
        }
        const c = co.get(a.id) ?? { id: a.id, name: a.name, type: a.type, articles: 0 };
        c.articles++;
        co.set(a.id, c);
      }
      if (appearances.length >= want) break;
    }
    cursor = page.next;
  } while (cursor && appearances.length < want);
  const coMentioned = [...co.values()].sort((a, b) => b.articles - a.articles || a.id.localeCompare(b.id));
  return { actor, roles: [...roles], appearances, coMentioned, scanned: appearances.length };
}

function excerptAround(text: string, start: number, end: number): string {
  let s = Math.max(0, start - 80);
  let e = Math.min(text.length, end + 80);
  const before = text.lastIndexOf('\n', start);
  if (before >= s) s = before + 1;
  const after = text.indexOf('\n', end);
  if (after >= 0 && after < e) e = after;
  return (s > 0 && text[s - 1] !== '\n' ? '…' : '') + text.slice(s, e).trim() + (e < text.length && text[e] !== '\n' ? '…' : '');
}
