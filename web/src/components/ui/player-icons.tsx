import { LineIcon } from './line-icon';

// Media control icons drawn as SVG (emoji such as ⏮ and 🔊 are missing from many system fonts).

export function PlayIcon({ size = 16 }: { size?: number }) {
  return (
    <LineIcon size={size} strokeWidth={1.5}>
      <path d="M7 4.5v15l12.5-7.5z" fill="currentColor" />
    </LineIcon>
  );
}

export function PauseIcon({ size = 16 }: { size?: number }) {
  return (
    <LineIcon size={size} strokeWidth={1.5}>
      <rect x="6" y="4.5" width="4" height="15" rx="1" fill="currentColor" />
      <rect x="14" y="4.5" width="4" height="15" rx="1" fill="currentColor" />
    </LineIcon>
  );
}

export function PreviousIcon({ size = 18 }: { size?: number }) {
  return (
    <LineIcon size={size}>
      <path d="M18 5v14L8 12z" fill="currentColor" />
      <path d="M6 5v14" />
    </LineIcon>
  );
}

export function NextIcon({ size = 18 }: { size?: number }) {
  return (
    <LineIcon size={size}>
      <path d="M6 5v14l10-7z" fill="currentColor" />
      <path d="M18 5v14" />
    </LineIcon>
  );
}

export function VolumeIcon({ size = 18, muted = false }: { size?: number; muted?: boolean }) {
  return (
    <LineIcon size={size}>
      <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
      {muted ? <path d="M17 9l5 6M22 9l-5 6" /> : <path d="M16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12" />}
    </LineIcon>
  );
}

export function CloseIcon({ size = 16 }: { size?: number }) {
  return (
    <LineIcon size={size}>
      <path d="M6 6l12 12M18 6L6 18" />
    </LineIcon>
  );
}
