import { Suspense, useEffect, useId, useRef, type ReactNode } from 'react';
import { PageSpinner } from './spinner';

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  /** Extra text under the title, e.g. the album being reviewed. */
  description?: ReactNode;
}

/**
 * A modal built on the native <dialog>: the browser traps focus, makes the page behind inert
 * and closes on Escape; focus returns to whatever opened it. Its content renders only while it is
 * open, and may be a lazily loaded form (`lazyComponent`): a spinner stands in while it arrives.
 */
export function Dialog({ open, onClose, title, description, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      return () => {
        if (dialog.open) dialog.close();
        opener?.focus();
      };
    }
    return undefined;
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself, outside its inner panel.
        if (event.target === ref.current) onCloseRef.current();
      }}
    >
      {open && (
        <div className="dialog-panel">
          <header className="dialog-header">
            <div>
              <h2 id={titleId} className="dialog-title">
                {title}
              </h2>
              {description && (
                <div id={descriptionId} className="dialog-description">
                  {description}
                </div>
              )}
            </div>
            <button type="button" className="icon-button dialog-close" aria-label="Close" onClick={() => onCloseRef.current()}>
              <span aria-hidden="true">×</span>
            </button>
          </header>
          <Suspense fallback={<PageSpinner label="Loading the form" />}>{children}</Suspense>
        </div>
      )}
    </dialog>
  );
}
