// The analysis queries are optional on the Store interface while engines catch up; this turns
// a missing one into a clear error instead of "undefined is not a function".
import { StoreError, type Store } from '../store/store.js';

type AnalysisMethod = 'dyadSeries' | 'dyads' | 'positions';

export function analysisStore(store: Store, method: AnalysisMethod): Required<Pick<Store, AnalysisMethod>> {
  if (typeof store[method] !== 'function')
    throw new StoreError(`the ${store.engine} store does not support ${method} yet`, 'unavailable');
  return store as Required<Pick<Store, AnalysisMethod>>;
}
