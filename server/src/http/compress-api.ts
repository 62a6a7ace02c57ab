import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';

// Below this a compressed answer saves less than the CPU and the headers cost.
const THRESHOLD_BYTES = 1024;

function worthCompressing(req: Request, res: Response): boolean {
  // A stream must reach the client event by event, not when a compression block fills.
  if (String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream')) return false;
  // compression's own test: only compressible types (JSON yes; a zip, already compressed, no).
  return compression.filter(req, res);
}

/**
 * Compresses API answers of more than 1 kB on the fly (brotli or gzip, by Accept-Encoding),
 * leaving alone streams, already-encoded and already-compressed bodies such as the export zip.
 */
export function compressApi(): RequestHandler {
  return compression({ threshold: THRESHOLD_BYTES, filter: worthCompressing });
}
