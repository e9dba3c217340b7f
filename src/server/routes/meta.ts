// What a client asks first: is the server up, what does the corpus hold, which layers exist.
import type { Store } from '../../store/store.js';
import { capabilities } from '../core.js';
import { route } from '../define.js';

export function metaRoutes(store: Store, info: { version: string; writeRequiresToken: boolean }) {
  return [
    route({
      method: 'GET',
      url: '/api/status',
      tag: 'meta',
      summary: 'Corpus counts, the storage engine and which analysis layers this build has',
      handler: async () => ({
        version: info.version,
        engine: store.engine,
        counts: await store.stats(),
        layers: capabilities(store),
        writeRequiresToken: info.writeRequiresToken,
      }),
    }),
  ];
}
