/** The Muse mark and word; decorative mark, readable word. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <span className="logo">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <defs>
          <linearGradient id="muse-logo-gradient" x1="0" y1="0" x2="1" y2="1">
            <stop offset="0" stopColor="#ff5c8a" />
            <stop offset="1" stopColor="#8b6cff" />
          </linearGradient>
        </defs>
        <circle cx="16" cy="16" r="14" fill="url(#muse-logo-gradient)" />
        <circle cx="16" cy="16" r="9" fill="none" stroke="rgba(14,13,18,0.35)" strokeWidth="1" />
        <circle cx="16" cy="16" r="4" fill="#0e0d12" />
      </svg>
      <span className="logo-word">Muse</span>
    </span>
  );
}
