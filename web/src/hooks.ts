// Data loading for pages: one request, or a cursor-paged list that grows with "Load more".
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, type Page } from './api';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | Error | null;
  loading: boolean;
  reload: () => void;
}

export function useApi<T>(url: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | Error | null; loading: boolean }>({ data: null, error: null, loading: !!url });
  const [n, setN] = useState(0);
  useEffect(() => {
    if (!url) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    api
      .get<T>(url)
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch((error: Error) => live && setState({ data: null, error, loading: false }));
    return () => {
      live = false;
    };
  }, [url, n]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { ...state, reload };
}

export interface Paged<T> {
  items: T[];
  error: ApiError | Error | null;
  loading: boolean;
  hasMore: boolean;
  loadMore: () => void;
}

/** A list that pages with the API's cursor; `url` must not carry a cursor itself. */
export function usePaged<T>(url: string | null): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [loading, setLoading] = useState(false);
  const gen = useRef(0);
  const fetchPage = useCallback(
    (cursor: string | null, replace: boolean) => {
      if (!url) return;
      const g = ++gen.current;
      setLoading(true);
      const sep = url.includes('?') ? '&' : '?';
      api
        .get<Page<T>>(cursor ? `${url}${sep}cursor=${encodeURIComponent(cursor)}` : url)
        .then((p) => {
          if (g !== gen.current) return;
          setItems((old) => (replace ? p.items : [...old, ...p.items]));
          setNext(p.next);
          setError(null);
        })
        .catch((e: Error) => g === gen.current && setError(e))
        .finally(() => g === gen.current && setLoading(false));
    },
    [url],
  );
  useEffect(() => {
    setItems([]);
    setNext(null);
    setError(null);
    fetchPage(null, true);
  }, [fetchPage]);
  return { items, error, loading, hasMore: next !== null, loadMore: () => next && fetchPage(next, false) };
}

/** Everything a paged route returns, up to `max` items (for charts that need the whole set). */
export async function fetchAll<T>(url: string, max = 5000): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let cursor: string | null = null;
  const sep = url.includes('?') ? '&' : '?';
  do {
    const p: Page<T> = await api.get<Page<T>>(cursor ? `${url}${sep}cursor=${encodeURIComponent(cursor)}` : url);
    items.push(...p.items);
    cursor = p.next;
  } while (cursor && items.length < max);
  return { items, truncated: cursor !== null };
}

export function useDebounced<T>(value: T, ms = 250): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}
