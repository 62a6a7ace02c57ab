import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { normaliseContentType } from '../blobs/blob-keys';

/** A download that no retry can fix (bad address, wrong type, too big, the server says no). */
export class DownloadRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DownloadRefusedError';
  }
}

export interface DownloadLimits {
  maxBytes: number;
  /** Until the response headers arrive. */
  headersTimeoutMs: number;
  /** For the whole download, body included. */
  totalTimeoutMs: number;
}

/** What is being downloaded and how to tell a genuine one: the checks a feature adds to the limits. */
export interface DownloadKind {
  /** The noun of messages: "The artwork is larger than ...", "The preview could not be fetched". */
  what: string;
  /** The `Accept` header sent. */
  accept: string;
  /** Whether a (normalised) media type is one the feature keeps, and how to name such files in a refusal ("an image"). */
  acceptsType(contentType: string): boolean;
  typeLabel: string;
  /** Bytes needed to check the signature, and whether the first bytes of the body are really of that type. */
  sniffBytes: number;
  signatureMatches(contentType: string, head: Buffer): boolean;
  /** Makes the "no retry can help" error the feature's callers expect (a subclass of `DownloadRefusedError`). */
  refused?(message: string): DownloadRefusedError;
}

/** A download under way: its checked media type and its body, which errors past `maxBytes` or when its first bytes are not that type. */
export interface Download {
  contentType: string;
  body: Readable;
}

const MAX_URL_LENGTH = 2048;

/** Whether `url` is one Muse may download from: absolute http(s), no credentials, of sane length. */
export function isDownloadableUrl(url: string): boolean {
  if (url.length > MAX_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && !parsed.username && !parsed.password;
}

/**
 * Starts downloading a file from a service's host: only http(s), only the media types `kind`
 * keeps, refused early by Content-Length and again while streaming past `maxBytes` (so a 100 MB
 * body costs at most `maxBytes` of reading), and refused when the first bytes are not the
 * declared format (an HTML error page labelled image/jpeg or audio/mp4). Times out waiting for
 * headers and for the whole body. Network errors, timeouts, 408, 429 and 5xx are thrown as plain
 * errors (worth retrying); everything else the source says is a refusal.
 */
export async function startDownload(url: string, kind: DownloadKind, limits: DownloadLimits): Promise<Download> {
  const refusal = (message: string) => (kind.refused ? kind.refused(message) : new DownloadRefusedError(message));
  const What = kind.what.charAt(0).toUpperCase() + kind.what.slice(1);
  if (!isDownloadableUrl(url)) throw refusal(`${What} can only be fetched from an http(s) address.`);
  const total = AbortSignal.timeout(limits.totalTimeoutMs);
  const headers = new AbortController();
  const headersTimer = setTimeout(
    () => headers.abort(new Error(`No answer from the ${kind.what} server within ${limits.headersTimeoutMs} ms.`)),
    limits.headersTimeoutMs,
  );
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.any([total, headers.signal]), redirect: 'follow', headers: { Accept: kind.accept } });
  } catch (err) {
    throw new Error(`The ${kind.what} could not be fetched: ${(err as Error).message}`, { cause: err });
  } finally {
    clearTimeout(headersTimer);
  }
  const refuse = async (message: string, retry = false): Promise<never> => {
    await response.body?.cancel().catch(() => undefined);
    throw retry ? new Error(message) : refusal(message);
  };
  if (!response.ok) {
    const retry = response.status >= 500 || response.status === 408 || response.status === 429;
    return refuse(`The ${kind.what} server answered ${response.status}.`, retry);
  }
  const contentType = normaliseContentType(response.headers.get('content-type') ?? '');
  if (!kind.acceptsType(contentType)) return refuse(`The ${kind.what} is not ${kind.typeLabel} Muse keeps (${contentType || 'no type'}).`);
  const length = Number(response.headers.get('content-length'));
  if (Number.isFinite(length) && length > limits.maxBytes) return refuse(`The ${kind.what} is larger than ${limits.maxBytes} bytes.`);
  if (!response.body) return refuse(`The ${kind.what} server sent no body.`);
  const body = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
  const checks: BodyChecks = {
    sniffBytes: kind.sniffBytes,
    matches: (head) => kind.signatureMatches(contentType, head),
    notThatType: () => refusal(`The ${kind.what}'s bytes are not ${contentType}.`),
    maxBytes: limits.maxBytes,
    tooLarge: () => refusal(`The ${kind.what} is larger than ${limits.maxBytes} bytes.`),
  };
  return { contentType, body: Readable.from(checkBody(body, checks)) };
}

interface BodyChecks {
  sniffBytes: number;
  matches(head: Buffer): boolean;
  notThatType(): Error;
  maxBytes: number;
  tooLarge(): Error;
}

/** Yields the body once its first bytes pass the signature check, and errors once it passes `maxBytes`; reads nothing until the consumer does. */
async function* checkBody(source: AsyncIterable<Buffer>, checks: BodyChecks): AsyncGenerator<Buffer> {
  const { sniffBytes, matches } = checks;
  let head: Buffer | null = Buffer.alloc(0);
  let size = 0;
  for await (const chunk of source) {
    size += chunk.length;
    if (size > checks.maxBytes) throw checks.tooLarge();
    if (head === null) {
      yield chunk;
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length < sniffBytes) continue;
    if (!matches(head)) throw checks.notThatType();
    yield head;
    head = null;
  }
  if (head !== null) {
    if (!matches(head)) throw checks.notThatType();
    yield head;
  }
}

/** Whether `bytes` holds each `[offset, hex]` of a signature. */
export function hasSignature(bytes: Buffer, signature: ReadonlyArray<readonly [number, string]>): boolean {
  return signature.every(([offset, hex]) => bytes.subarray(offset, offset + hex.length / 2).toString('hex') === hex);
}
