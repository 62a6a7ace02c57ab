import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useDisclosure } from '../../lib/use-disclosure';

/** One choice of a `MenuButton`. */
export interface MenuAction {
  /** Stable key among the menu's actions. */
  id: string;
  label: string;
  onSelect: () => void;
}

interface MenuButtonProps {
  /** The button's accessible name, e.g. "More actions". */
  label: string;
  /** What the button shows; the label is used when absent. */
  children?: ReactNode;
  actions: MenuAction[];
  /** Id of an element that says what the menu acts on (read after the label). */
  describedBy?: string;
  className?: string;
}

/**
 * A button opening a menu of actions, after the WAI-ARIA menu button pattern: Enter, Space or
 * Arrow Down open it on the first action and Arrow Up on the last; arrows, Home and End move
 * between actions; Escape closes it and gives focus back to the button; Tab, a click outside
 * or choosing an action close it. Built on `useDisclosure`, like the app's other popovers.
 */
export function MenuButton({ label, children, actions, describedBy, className = 'icon-button' }: MenuButtonProps) {
  const { open, setOpen, close, buttonProps, rootProps, panelProps } = useDisclosure<HTMLUListElement>();
  const buttonId = useId();
  const focusLastOnOpen = useRef(false);

  const items = () => Array.from(panelProps.ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);

  // useDisclosure focuses the first action on open; opening with Arrow Up asks for the last.
  useEffect(() => {
    if (!open || !focusLastOnOpen.current) return;
    focusLastOnOpen.current = false;
    items().at(-1)?.focus();
  });

  const handleButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    focusLastOnOpen.current = event.key === 'ArrowUp';
    if (open) (event.key === 'ArrowUp' ? items().at(-1) : items()[0])?.focus();
    else setOpen(true);
  };

  const handleMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 };
    if (event.key === 'Tab') {
      // Back on the button before the browser moves on, so Tab and Shift+Tab go to the
      // controls after and before the menu button rather than from an item being removed.
      close(true);
      return;
    }
    const next = moves[event.key];
    if (next === undefined || all.length === 0) return;
    event.preventDefault();
    all[(next + all.length) % all.length]?.focus();
  };

  const handleSelect = (action: MenuAction) => {
    close(true);
    action.onSelect();
  };

  return (
    <div className="popover-root menu-button" {...rootProps}>
      <button
        type="button"
        id={buttonId}
        className={className}
        aria-label={label}
        aria-haspopup="menu"
        aria-describedby={describedBy}
        {...buttonProps}
        onKeyDown={handleButtonKeyDown}
      >
        {children ?? label}
      </button>
      {open && (
        <ul className="popover popover-menu menu-list" role="menu" aria-labelledby={buttonId} onKeyDown={handleMenuKeyDown} {...panelProps}>
          {actions.map((action) => (
            <li key={action.id} role="none">
              <button type="button" role="menuitem" tabIndex={-1} className="menu-item" onClick={() => handleSelect(action)}>
                {action.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
