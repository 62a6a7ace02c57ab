import { describe, expect, it } from 'vitest';
import { shortcutFor } from './keyboard-shortcuts';

const press = (key: string, target: EventTarget | null = document.body, extra: Partial<KeyboardEventInit> = {}) =>
  shortcutFor({ key, target, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, defaultPrevented: false, ...extra });

function element(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host.querySelector('[data-target]')!;
}

describe('player keyboard shortcuts', () => {
  it('when space or arrows are pressed on the page, then they play/pause, seek and change track', () => {
    expect(press(' ')).toBe('toggle');
    expect(press('ArrowLeft')).toBe('seek-back');
    expect(press('ArrowRight')).toBe('seek-forward');
    expect(press('ArrowRight', document.body, { shiftKey: true })).toBe('next');
    expect(press('ArrowLeft', document.body, { shiftKey: true })).toBe('previous');
    expect(press('k')).toBeNull();
  });

  it.each([
    ['a text field', '<input data-target type="text">'],
    ['a search box', '<input data-target type="search">'],
    ['a textarea', '<textarea data-target></textarea>'],
    ['a select', '<select data-target><option>a</option></select>'],
    ['rich text', '<div data-target contenteditable="true">x</div>'],
    ['a combobox', '<div role="combobox"><span data-target>x</span></div>'],
  ])('when typing in %s, then no key is a shortcut', (_what, html) => {
    const target = element(html);
    for (const key of [' ', 'ArrowLeft', 'ArrowRight']) expect(press(key, target)).toBeNull();
  });

  it('when a button or slider has focus, then space and arrows are theirs; modifiers and handled presses are never shortcuts', () => {
    expect(press(' ', element('<button data-target>Like</button>'))).toBeNull();
    expect(press('ArrowRight', element('<div data-target role="slider" tabindex="0"></div>'))).toBeNull();
    expect(press('ArrowRight', element('<button data-target>Like</button>'))).toBe('seek-forward');
    expect(press(' ', document.body, { ctrlKey: true })).toBeNull();
    expect(press(' ', document.body, { metaKey: true })).toBeNull();
    expect(shortcutFor({ key: ' ', target: document.body, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, defaultPrevented: true })).toBeNull();
  });
});
