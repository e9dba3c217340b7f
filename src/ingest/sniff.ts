// What kind of input a file or response is: by its name or content type first, else its content.
export type InputKind = 'html' | 'feed' | 'jsonl' | 'text';

export function kindFromName(name: string): InputKind | null {
  const n = name.toLowerCase().replace(/\.gz$/, '').replace(/[?#].*$/, '');
  if (/\.(?:jsonl|ndjson)$/.test(n)) return 'jsonl';
  if (/\.(?:html?|xhtml|shtml)$/.test(n)) return 'html';
  if (/\.(?:rss|atom|xml|rdf)$/.test(n)) return 'feed';
  if (/\.(?:txt|text|md)$/.test(n)) return 'text';
  return null;
}

export function kindFromContentType(type: string): InputKind | null {
  const t = type.toLowerCase();
  if (/(?:rss|atom|rdf)\+xml|\/xml\b/.test(t)) return 'feed';
  if (/html/.test(t)) return 'html';
  if (/ndjson|jsonl|json-seq/.test(t)) return 'jsonl';
  if (/^text\/plain/.test(t)) return 'text';
  return null;
}

export function kindFromContent(s: string): InputKind {
  const head = s.slice(0, 4096).replace(/^\ufeff/, '').trimStart();
  const noDecl = head.replace(/^<\?xml[^>]*>\s*/i, '').replace(/^(?:<!--[\s\S]*?-->\s*)+/, '');
  if (/^<(?:rss|feed|rdf:RDF)\b/i.test(noDecl)) return 'feed';
  if (/^<!doctype html|^<html\b|^<head\b|^<body\b/i.test(noDecl) || /<(?:p|div|article|body)\b[^>]*>/i.test(head)) return 'html';
  if (/^\{/.test(head)) {
    const line = head.split('\n', 1)[0];
    try {
      const v = JSON.parse(line);
      if (v && typeof v === 'object' && ('text' in v || 'html' in v)) return 'jsonl';
    } catch {
      /* a text that starts with a brace */
    }
  }
  return 'text';
}
