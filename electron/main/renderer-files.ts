// Maps app:// request paths to files of the built renderer (out/renderer), refusing anything outside that folder.
import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_TYPES } from '../../engine/server/static-files';


/** A file to answer with. */
export interface RendererFile {
  path: string;
  contentType: string;
}

/**
 * The file for `urlPath` under `root`. A path without an extension is a client-side route and gets index.html
 * (as the web server does); a missing asset, a malformed path or one escaping `root` gets null (404).
 */
export function resolveRendererFile(root: string, urlPath: string): RendererFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const requested = normalize(join(root, decoded));
  if (requested.startsWith(root + sep) && existsSync(requested) && statSync(requested).isFile()) {
    return { path: requested, contentType: CONTENT_TYPES[extname(requested)] ?? 'application/octet-stream' };
  }
  const index = join(root, 'index.html');
  if (extname(decoded) !== '' || !existsSync(index)) return null;
  return { path: index, contentType: CONTENT_TYPES['.html']! };
}
