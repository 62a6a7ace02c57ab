import { isStorableType } from '../../blobs/blob-keys';
import { DownloadRefusedError, startDownload, type Download, type DownloadKind, type DownloadLimits } from '../../lib/http-download';

/** A clip that no retry can fix: not audio, too big, or the source says no. */
export class PreviewRefusedError extends DownloadRefusedError {
  constructor(message: string) {
    super(message);
    this.name = 'PreviewRefusedError';
  }
}

// What services send previews as: AAC in M4A (Apple), MP3 (Spotify), bare AAC.
const PREVIEW_AUDIO = /^audio\/(mp4|x-m4a|m4a|mpeg|mp3|aac)$/;

/** Whether the first bytes are really the declared format (an HTML page labelled audio/mp4 is not). */
export function looksLikeAudio(contentType: string, head: Buffer): boolean {
  if (/^audio\/(mp4|x-m4a|m4a)$/.test(contentType)) return head.subarray(4, 8).toString('latin1') === 'ftyp';
  if (contentType === 'audio/aac') return isAdtsFrame(head) || head.subarray(0, 4).toString('latin1') === 'ADIF';
  // MP3: an ID3 tag, or straight into an MPEG audio frame.
  return head.subarray(0, 3).toString('latin1') === 'ID3' || isMpegFrame(head);
}

const isMpegFrame = (b: Buffer) => b.length >= 2 && b[0] === 0xff && (b[1]! & 0xe0) === 0xe0;
const isAdtsFrame = (b: Buffer) => b.length >= 2 && b[0] === 0xff && (b[1]! & 0xf6) === 0xf0;

const PREVIEW: DownloadKind = {
  what: 'preview',
  accept: 'audio/*',
  acceptsType: (contentType) => PREVIEW_AUDIO.test(contentType) && isStorableType(contentType),
  typeLabel: 'audio',
  sniffBytes: 12,
  signatureMatches: looksLikeAudio,
  refused: (message) => new PreviewRefusedError(message),
};

/**
 * Starts downloading a preview clip (`lib/http-download.ts` does the fetching): only MP3, AAC or
 * M4A whose first bytes are that format, within the limits. Network errors, timeouts, 408, 429
 * and 5xx are thrown as plain errors (worth retrying); everything else is a `PreviewRefusedError`.
 */
export function downloadPreview(url: string, limits: DownloadLimits): Promise<Download> {
  return startDownload(url, PREVIEW, limits);
}
