import { useState } from 'react';

/** One or two letters for a person: the first letters of the first two words of the name, else of the handle. */
export function personInitials(displayName: string, handle: string): string {
  const words = displayName.normalize('NFKC').trim().split(/\s+/).filter(Boolean);
  const letters = words.slice(0, 2).map((word) => Array.from(word)[0] ?? '');
  const fromName = letters.join('').toUpperCase();
  return fromName || (Array.from(handle)[0] ?? '?').toUpperCase();
}

interface AvatarProps {
  displayName: string;
  handle: string;
  avatarUrl?: string | null;
  size?: number;
  /** Hidden from assistive technology when the name is read right beside it. */
  decorative?: boolean;
}

/**
 * A person's picture: the avatar URL when there is one and it loads, otherwise their initials
 * on the app gradient. Announced as "<name>'s avatar" unless decorative.
 */
export function Avatar({ displayName, handle, avatarUrl, size = 40, decorative = false }: AvatarProps) {
  const [failed, setFailed] = useState(false);
  const label = `${displayName}’s avatar`;
  const style = { width: size, height: size, fontSize: `${Math.max(11, Math.round(size * 0.38))}px` };
  if (avatarUrl && !failed) {
    return (
      <img
        className="avatar avatar-image"
        src={avatarUrl}
        alt={decorative ? '' : label}
        width={size}
        height={size}
        style={style}
        loading="lazy"
        referrerPolicy="no-referrer"
        onError={() => setFailed(true)}
      />
    );
  }
  return (
    <span
      className="avatar"
      role={decorative ? undefined : 'img'}
      aria-label={decorative ? undefined : label}
      aria-hidden={decorative || undefined}
      style={style}
    >
      <span aria-hidden="true">{personInitials(displayName, handle)}</span>
    </span>
  );
}
