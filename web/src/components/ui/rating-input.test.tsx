import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RatingInput } from './rating-input';

/** The widget wired to state like a page would, recording every committed value. */
function Harness({ initial = null, onCommit }: { initial?: number | null; onCommit: (value: number | null) => void }) {
  const [value, setValue] = useState<number | null>(initial);
  return (
    <RatingInput
      label="Your rating"
      value={value}
      clearable
      commitDelayMs={0}
      onChange={(next) => {
        setValue(next);
        onCommit(next);
      }}
    />
  );
}

async function press(keys: string[]) {
  const slider = screen.getByRole('slider', { name: 'Your rating' });
  slider.focus();
  for (const key of keys) await userEvent.keyboard(key);
  return slider;
}

describe('RatingInput', () => {
  it('when nothing is rated yet, then it reads "Not rated" with a value of 0 out of 5', () => {
    render(<Harness onCommit={vi.fn()} />);
    const slider = screen.getByRole('slider', { name: 'Your rating' });
    expect(slider).toHaveAttribute('aria-valuetext', 'Not rated');
    expect(slider).toHaveAttribute('aria-valuenow', '0');
    expect(slider).toHaveAttribute('aria-valuemin', '0');
    expect(slider).toHaveAttribute('aria-valuemax', '5');
    expect(screen.queryByRole('button', { name: 'Remove rating' })).not.toBeInTheDocument();
  });

  it('when the right arrow is pressed from nothing, then the rating is half a star', async () => {
    const onCommit = vi.fn();
    render(<Harness onCommit={onCommit} />);
    const slider = await press(['{ArrowRight}']);
    expect(slider).toHaveAttribute('aria-valuetext', '0.5 stars');
    await waitFor(() => expect(onCommit).toHaveBeenLastCalledWith(0.5));
  });

  it('when End then the left arrow are pressed, then the rating is 4.5 stars', async () => {
    const onCommit = vi.fn();
    render(<Harness onCommit={onCommit} />);
    const slider = await press(['{End}', '{ArrowLeft}']);
    expect(slider).toHaveAttribute('aria-valuenow', '4.5');
    expect(slider).toHaveAttribute('aria-valuetext', '4.5 stars');
    await waitFor(() => expect(onCommit).toHaveBeenLastCalledWith(4.5));
  });

  it('when up and down arrows step past the ends, then the rating stays between half a star and five', async () => {
    render(<Harness initial={4.5} onCommit={vi.fn()} />);
    const slider = await press(['{ArrowUp}', '{ArrowUp}', '{ArrowUp}']);
    expect(slider).toHaveAttribute('aria-valuenow', '5');
    await press(['{Home}', '{ArrowDown}', '{ArrowLeft}']);
    expect(slider).toHaveAttribute('aria-valuenow', '0.5');
    expect(slider).toHaveAttribute('aria-valuetext', '0.5 stars');
  });

  it('when Home is pressed, then the rating is half a star; End gives five stars', async () => {
    render(<Harness initial={3} onCommit={vi.fn()} />);
    const slider = await press(['{Home}']);
    expect(slider).toHaveAttribute('aria-valuetext', '0.5 stars');
    await press(['{End}']);
    expect(slider).toHaveAttribute('aria-valuetext', '5 stars');
  });

  it('when one star is reached, then it is read in the singular', async () => {
    render(<Harness initial={1.5} onCommit={vi.fn()} />);
    const slider = await press(['{ArrowLeft}']);
    expect(slider).toHaveAttribute('aria-valuetext', '1 star');
  });

  it('when Page Up and Page Down are pressed, then the rating moves a whole star', async () => {
    render(<Harness initial={2} onCommit={vi.fn()} />);
    const slider = await press(['{PageUp}']);
    expect(slider).toHaveAttribute('aria-valuenow', '3');
    await press(['{PageDown}', '{PageDown}']);
    expect(slider).toHaveAttribute('aria-valuenow', '1');
  });

  it('when Delete or Backspace is pressed, then the rating is removed', async () => {
    const onCommit = vi.fn();
    render(<Harness initial={3.5} onCommit={onCommit} />);
    const slider = await press(['{Delete}']);
    expect(slider).toHaveAttribute('aria-valuetext', 'Not rated');
    await waitFor(() => expect(onCommit).toHaveBeenLastCalledWith(null));

    await press(['{ArrowRight}']);
    await waitFor(() => expect(onCommit).toHaveBeenLastCalledWith(0.5));
    await press(['{Backspace}']);
    await waitFor(() => expect(onCommit).toHaveBeenLastCalledWith(null));
  });

  it('when "Remove rating" is clicked, then the rating is removed and the button goes away', async () => {
    const onCommit = vi.fn();
    render(<Harness initial={2.5} onCommit={onCommit} />);
    await userEvent.click(screen.getByRole('button', { name: 'Remove rating' }));
    expect(onCommit).toHaveBeenCalledWith(null);
    expect(screen.getByRole('slider')).toHaveAttribute('aria-valuetext', 'Not rated');
    expect(screen.queryByRole('button', { name: 'Remove rating' })).not.toBeInTheDocument();
  });

  it('when arrows are pressed in quick succession, then only the settled value is committed', async () => {
    vi.useFakeTimers();
    try {
      const onChange = vi.fn();
      render(<RatingInput label="Your rating" value={2} onChange={onChange} commitDelayMs={500} />);
      const slider = screen.getByRole('slider');
      for (let i = 0; i < 4; i += 1) fireEvent.keyDown(slider, { key: 'ArrowRight' });
      expect(slider).toHaveAttribute('aria-valuenow', '4');
      expect(onChange).not.toHaveBeenCalled();
      vi.advanceTimersByTime(500);
      expect(onChange).toHaveBeenCalledTimes(1);
      expect(onChange).toHaveBeenCalledWith(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('when the left half of the fourth star is pressed, then the rating is 3.5 stars', () => {
    const onChange = vi.fn();
    render(<RatingInput label="Your rating" value={null} onChange={onChange} />);
    const slider = screen.getByRole('slider');
    vi.spyOn(slider, 'getBoundingClientRect').mockReturnValue({
      left: 0,
      width: 100,
      top: 0,
      height: 20,
      right: 100,
      bottom: 20,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    });
    fireEvent.pointerDown(slider, { button: 0, clientX: 65, pointerId: 1 });
    fireEvent.pointerUp(slider, { button: 0, clientX: 65, pointerId: 1 });
    expect(onChange).toHaveBeenCalledWith(3.5);
    expect(slider).toHaveAttribute('aria-valuetext', '3.5 stars');
  });

  it('when disabled, then keys change nothing and it leaves the tab order', async () => {
    const onChange = vi.fn();
    render(<RatingInput label="Your rating" value={2} onChange={onChange} disabled commitDelayMs={0} />);
    const slider = screen.getByRole('slider');
    expect(slider).toHaveAttribute('tabindex', '-1');
    fireEvent.keyDown(slider, { key: 'End' });
    expect(slider).toHaveAttribute('aria-valuenow', '2');
    expect(onChange).not.toHaveBeenCalled();
  });
});
