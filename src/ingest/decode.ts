// Bytes to text: UTF-8 (with or without BOM) as is, UTF-16 by its BOM, other encodings detected
// by chardet and converted with iconv-lite; binary content and unknown encodings are refused.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { InputError } from './errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(buf: Uint8Array, input: string, declared?: string | null): string {
  if (buf.length === 0) throw new InputError(input, 'empty input');
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return decodeWith('utf-8', buf.subarray(3), input);
  if (buf[0] === 0xff && buf[1] === 0xfe) return checkText(iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16le'), input);
  if (buf[0] === 0xfe && buf[1] === 0xff) return checkText(iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16be'), input);
  if (looksBinary(buf)) throw new InputError(input, 'binary content, not text (expected text, HTML, a feed or JSONL)');
  try {
    return checkText(utf8.decode(buf), input);
  } catch (err) {
    if (err instanceof InputError) throw err;
  }
  const guess = declared && iconv.encodingExists(declared) && !/^utf-?8$/i.test(declared) ? declared : chardet.detect(buf);
  if (!guess || !iconv.encodingExists(guess) || /^utf-?8$/i.test(guess))
    throw new InputError(input, `unknown text encoding${guess ? ` (detected ${guess}, which is not valid)` : ''}; convert it to UTF-8`);
  return decodeWith(guess, buf, input);
}

function decodeWith(encoding: string, buf: Uint8Array, input: string): string {
  return checkText(iconv.decode(Buffer.from(buf), encoding), input);
}

function checkText(s: string, input: string): string {
  if (!s.trim()) throw new InputError(input, 'empty input (only whitespace)');
  return s;
}

/** NUL bytes or many control characters in the first 8 kB: an image, archive or executable. */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control > n * 0.1;
}

/** The charset an HTML page or XML feed declares for itself in its first bytes, if any. */
export function declaredCharset(buf: Uint8Array): string | null {
  const head = Buffer.from(buf.subarray(0, 2048)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}
