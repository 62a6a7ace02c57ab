import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MenuButton } from './menu-button';

function renderMenu() {
  const chosen = vi.fn();
  render(
    <>
      <button type="button">Before</button>
      <MenuButton label="More actions" actions={['Copy', 'Share', 'Delete'].map((label) => ({ id: label, label, onSelect: () => chosen(label) }))} />
      <button type="button">After</button>
    </>,
  );
  return { chosen, button: screen.getByRole('button', { name: 'More actions' }) };
}

const focusedItem = () => (document.activeElement?.getAttribute('role') === 'menuitem' ? document.activeElement.textContent : null);

describe('MenuButton', () => {
  it('when closed, then it is a collapsed button announcing a menu, with no menu in the page', () => {
    const { button } = renderMenu();
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('when opened with Enter, then the menu shows its items and the first has focus; arrows, Home and End move and wrap', async () => {
    const { button } = renderMenu();
    button.focus();
    await userEvent.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'More actions' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveAttribute('aria-controls', menu.id);
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Copy', 'Share', 'Delete']);
    expect(focusedItem()).toBe('Copy');
    const moves: [string, string][] = [
      ['{ArrowDown}', 'Share'],
      ['{ArrowDown}', 'Delete'],
      ['{ArrowDown}', 'Copy'],
      ['{ArrowUp}', 'Delete'],
      ['{Home}', 'Copy'],
      ['{End}', 'Delete'],
    ];
    for (const [key, expected] of moves) {
      await userEvent.keyboard(key);
      expect([key, focusedItem()]).toEqual([key, expected]);
    }
  });

  it('when opened with Space, Arrow Down or Arrow Up, then focus starts on the first, first or last item', async () => {
    const { button } = renderMenu();
    for (const [key, expected] of [
      ['[Space]', 'Copy'],
      ['{ArrowDown}', 'Copy'],
      ['{ArrowUp}', 'Delete'],
    ]) {
      button.focus();
      await userEvent.keyboard(key!);
      expect([key, focusedItem()]).toEqual([key, expected]);
      await userEvent.keyboard('{Escape}');
    }
  });

  it('when Escape is pressed, then the menu closes and focus returns to the button, having chosen nothing', async () => {
    const { button, chosen } = renderMenu();
    await userEvent.click(button);
    await userEvent.keyboard('{ArrowDown}{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
    expect(chosen).not.toHaveBeenCalled();
  });

  it('when an item is chosen by Enter or by click, then its action runs once, the menu closes and focus is back on the button', async () => {
    const { button, chosen } = renderMenu();
    button.focus();
    await userEvent.keyboard('{Enter}{ArrowDown}{Enter}');
    expect(chosen.mock.calls).toEqual([['Share']]);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();

    await userEvent.click(button);
    await userEvent.click(screen.getByRole('menuitem', { name: 'Delete' }));
    expect(chosen.mock.calls).toEqual([['Share'], ['Delete']]);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('when Tab is pressed or someone clicks elsewhere, then the menu closes without choosing', async () => {
    const { button, chosen } = renderMenu();
    await userEvent.click(button);
    await userEvent.tab();
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
    await userEvent.click(button);
    await userEvent.tab({ shift: true });
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Before' })).toHaveFocus();
    await userEvent.click(button);
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Before' }));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(chosen).not.toHaveBeenCalled();
  });

  it('when open, then the items stay out of the tab order (the arrows reach them)', async () => {
    const { button } = renderMenu();
    await userEvent.click(button);
    for (const item of screen.getAllByRole('menuitem')) expect(item).toHaveAttribute('tabindex', '-1');
  });
});
