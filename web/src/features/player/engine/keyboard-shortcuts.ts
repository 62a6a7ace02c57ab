/** What a key press asks of the player. */
export type PlayerShortcut = 'toggle' | 'seek-back' | 'seek-forward' | 'next' | 'previous';

/** The key press as the shortcuts read it (a KeyboardEvent fits). */
export interface ShortcutKey {
  key: string;
  target: EventTarget | null;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  defaultPrevented: boolean;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'password', 'url', 'tel', 'number', 'date', 'datetime-local', 'month', 'time', 'week']);

/** Whether typing in `target` must never be taken as a shortcut (text fields, selects, rich text). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type) || target.type === '';
  return target.closest('[contenteditable="true"], [role="textbox"], [role="combobox"], [role="listbox"], [role="menu"], [role="dialog"] input') !== null;
}

/** Controls that act on space or arrows themselves: a shortcut there would do the same key twice. */
function handlesKeysItself(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (key === ' ')
    return target.closest('button, a[href], summary, input, [role="button"], [role="checkbox"], [role="switch"], [role="menuitem"], [role="tab"]') !== null;
  return target.closest('input, [role="slider"], [role="radiogroup"], [role="radio"], [role="menu"], [role="tablist"], [role="listbox"]') !== null;
}

/**
 * The player shortcut a key press means, or null: space plays or pauses, left and right seek 5
 * seconds, shift + left or right go to the previous or next preview. Never while typing in a
 * field, with ctrl/cmd/alt held, on a control that uses the key itself, or when something already
 * handled the press.
 */
export function shortcutFor(event: ShortcutKey): PlayerShortcut | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target) || handlesKeysItself(event.target, event.key)) return null;
  switch (event.key) {
    case ' ':
      return event.shiftKey ? null : 'toggle';
    case 'ArrowLeft':
      return event.shiftKey ? 'previous' : 'seek-back';
    case 'ArrowRight':
      return event.shiftKey ? 'next' : 'seek-forward';
    default:
      return null;
  }
}
