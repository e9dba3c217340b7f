// Loaded with `node --import`: appends the URL of every module the process loads to the file
// named by PARLEY_IMPORT_LOG, so a test can see what a command pulled in. The same file is the
// loader hook (run on Node's hooks thread) and its registration (on the main thread).
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) register(import.meta.url);

export async function load(url, context, next) {
  if (process.env.PARLEY_IMPORT_LOG) appendFileSync(process.env.PARLEY_IMPORT_LOG, url + '\n');
  return next(url, context);
}
