// Adding coverage: paste text, give URLs, upload files. Items go one request each so the page
// can show progress and each item's own result or error.
import { useState, type DragEvent } from 'react';
import { api, ApiError, token, type IngestResult, type Status } from '../api';
import { href } from '../router';
import { urlLines, urlProblem } from './ingest-urls';

interface Job {
  label: string;
  run: () => Promise<{ results: IngestResult[] }>;
  /** Known to fail before any request: shown as this item's failure. */
  problem?: string;
}

type Row = IngestResult & { label: string };

function statusText(r: Row): string {
  return { stored: 'Stored', duplicate: 'Already stored', 'near-duplicate': 'Stored (near duplicate)', failed: 'Failed' }[r.status];
}

export function Ingest({ status, onIngested }: { status: Status | null; onIngested: () => void }) {
  const [tab, setTab] = useState<'text' | 'url' | 'files'>('text');
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [published, setPublished] = useState('');
  const [publisher, setPublisher] = useState('');
  const [urls, setUrls] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [tok, setTok] = useState(token.get());
  const [rows, setRows] = useState<Row[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [drag, setDrag] = useState(false);
  const [picker, setPicker] = useState(0);

  const jobs = (): Job[] => {
    if (tab === 'text')
      return text.trim()
        ? [{ label: title || 'pasted text', run: () => api.postJson('/api/ingest', { text, title: title || undefined, published: published || undefined, publisher: publisher || undefined, name: title || 'pasted text' }) }]
        : [];
    if (tab === 'url')
      return urlLines(urls).map((u) => ({ label: u, problem: urlProblem(u) ?? undefined, run: () => api.postJson('/api/ingest', { url: u }) }));
    return files.map((f) => ({
      label: f.name,
      run: () => {
        const form = new FormData();
        form.append('file', f, f.name);
        return api.postForm('/api/ingest', form);
      },
    }));
  };

  const submit = async () => {
    token.set(tok.trim());
    const list = jobs();
    if (!list.length) return;
    setRows([]);
    setProgress({ done: 0, total: list.length });
    let stored = 0;
    for (let i = 0; i < list.length; i++) {
      const job = list[i];
      try {
        if (job.problem) throw new ApiError(400, 'bad-request', `${job.label}: ${job.problem}`);
        const r = await job.run();
        const got = r.results.map((x) => ({ ...x, label: job.label }));
        stored += got.filter((x) => x.status !== 'failed').length;
        setRows((old) => [...old, ...got]);
      } catch (e) {
        const err = e as Error;
        setRows((old) => [...old, { label: job.label, input: job.label, status: 'failed', error: err instanceof ApiError ? err.code : 'error', message: err.message }]);
      }
      setProgress({ done: i + 1, total: list.length });
    }
    if (stored) onIngested();
    if (tab === 'files') (setFiles([]), setPicker((n) => n + 1));
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDrag(false);
    setFiles([...files, ...Array.from(e.dataTransfer.files)]);
  };

  const busy = progress !== null && progress.done < progress.total;
  return (
    <div className="page">
      <div className="page-head"><h1>Ingest</h1></div>
      <div className="tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'text'} className={tab === 'text' ? 'on' : ''} onClick={() => setTab('text')}>Paste text</button>
        <button role="tab" aria-selected={tab === 'url'} className={tab === 'url' ? 'on' : ''} onClick={() => setTab('url')}>URLs</button>
        <button role="tab" aria-selected={tab === 'files'} className={tab === 'files' ? 'on' : ''} onClick={() => setTab('files')}>Upload files</button>
      </div>
      <div className="card ingest-form">
        {tab === 'text' && (
          <>
            <label className="block">Article text<textarea aria-label="Article text" rows={14} value={text} onChange={(e) => setText(e.target.value)} placeholder="Paste an article: title line, byline, dateline and body, as scraped. Boilerplate is removed." /></label>
            <div className="row">
              <label>Title (optional)<input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="found in the text when empty" /></label>
              <label>Published (optional)<input type="date" value={published} onChange={(e) => setPublished(e.target.value)} /></label>
              <label>Publisher (optional)<input value={publisher} onChange={(e) => setPublisher(e.target.value)} /></label>
            </div>
          </>
        )}
        {tab === 'url' && (
          <label className="block">URLs, one per line<textarea aria-label="URLs" rows={6} value={urls} onChange={(e) => setUrls(e.target.value)} placeholder="https://example.org/news/2025/08/ceasefire-talks" /></label>
        )}
        {tab === 'files' && (
          <div className={`drop ${drag ? 'over' : ''}`} onDragOver={(e) => (e.preventDefault(), setDrag(true))} onDragLeave={() => setDrag(false)} onDrop={onDrop}>
            <p>Drop .txt, .html, .jsonl or feed files here, or</p>
            <input key={picker} type="file" multiple aria-label="Files" accept=".txt,.text,.md,.html,.htm,.jsonl,.ndjson,.xml,.rss,.atom" onChange={(e) => setFiles([...files, ...Array.from(e.target.files ?? [])])} />
            {files.length > 0 && (
              <ul className="plain small">
                {files.map((f, i) => <li key={i}>{f.name} <span className="muted">({Math.ceil(f.size / 1024)} kB)</span></li>)}
              </ul>
            )}
          </div>
        )}
        {status?.writeRequiresToken && (
          <label className="block">API token<input type="password" value={tok} onChange={(e) => setTok(e.target.value)} placeholder="PARLEY_TOKEN of this server" /></label>
        )}
        <div className="row-between">
          <button className="primary" disabled={busy || !jobs().length} onClick={submit}>{busy ? 'Ingesting…' : 'Ingest'}</button>
          {progress && (
            <div className="progress" aria-label="Progress">
              <progress max={progress.total} value={progress.done} /> {progress.done} of {progress.total}
            </div>
          )}
        </div>
      </div>
      {rows.length > 0 && (
        <table className="results">
          <thead><tr><th>Input</th><th>Result</th><th /></tr></thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} className={`st-${r.status}`}>
                <td>{r.title ?? r.input ?? r.label}{r.title && r.input && <div className="small muted">{r.input}</div>}</td>
                <td>{statusText(r)}{r.message && <div className="small err">{r.message}</div>}</td>
                <td>{r.id && r.status !== 'failed' && <a href={href(['article', r.id])}>Open in reader →</a>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
