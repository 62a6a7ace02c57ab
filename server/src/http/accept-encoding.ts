/** The content codings the server keeps precompressed copies in, best first. */
export type CompressedEncoding = 'br' | 'gzip';

// Codings the client did not name and '*' does not cover are still fine without encoding
// (RFC 9110 §12.5.3), but any coding the client did name ranks above that.
const IMPLICIT_IDENTITY_Q = 0.001;

function qualities(header: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const member of header.split(',')) {
    const [name, ...params] = member.split(';').map((p) => p.trim().toLowerCase());
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=').map((s) => s.trim());
      if (key === 'q') q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value ?? '') ? Number(value) : 0;
    }
    out.set(name, q);
  }
  return out;
}

/**
 * The coding to answer in, from an `Accept-Encoding` header with q-values: the one with the
 * highest q among `available` and identity, br before gzip before identity on a tie. Without
 * the header, or when nothing available is acceptable, `identity`.
 */
export function preferredEncoding(header: string | undefined, available: readonly CompressedEncoding[]): CompressedEncoding | 'identity' {
  if (!header) return 'identity';
  const q = qualities(header);
  const star = q.get('*');
  const qOf = (coding: string) => q.get(coding) ?? star ?? 0;
  let best: CompressedEncoding | 'identity' = 'identity';
  let bestQ = q.get('identity') ?? (star === 0 ? 0 : Math.max(star ?? 0, IMPLICIT_IDENTITY_Q));
  // Walk from least to most preferred so that a tie goes to the preferred coding.
  for (const coding of (['gzip', 'br'] as const).filter((c) => available.includes(c))) {
    const cq = qOf(coding);
    if (cq > 0 && cq >= bestQ) {
      best = coding;
      bestQ = cq;
    }
  }
  return best;
}
