import type { ReactNode } from 'react';

interface AlertProps {
  tone?: 'error' | 'success' | 'info';
  children: ReactNode;
  title?: string;
}

/** An inline message; errors are announced at once, other tones politely. */
export function Alert({ tone = 'info', title, children }: AlertProps) {
  const role = tone === 'error' ? 'alert' : 'status';
  return (
    <div className={`alert alert-${tone}`} role={role}>
      {title && <p className="alert-title">{title}</p>}
      <div>{children}</div>
    </div>
  );
}
