import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ProgressSlider } from './progress-slider';

describe('ProgressSlider', () => {
  it('when rendered, then it is a slider whose value is read as elapsed of total', () => {
    render(<ProgressSlider position={12.4} duration={30} onSeek={() => undefined} />);
    const slider = screen.getByRole('slider', { name: 'Seek in the preview' });
    expect(slider).toHaveAttribute('aria-valuemin', '0');
    expect(slider).toHaveAttribute('aria-valuemax', '30');
    expect(slider).toHaveAttribute('aria-valuenow', '12');
    expect(slider).toHaveAttribute('aria-valuetext', '0:12 of 0:30');
  });

  it('when arrows, Page keys, Home and End are pressed, then it seeks by 5 s, 10 s, to the start and the end, inside the clip', async () => {
    const onSeek = vi.fn();
    render(<ProgressSlider position={12} duration={30} onSeek={onSeek} />);
    const slider = screen.getByRole('slider');
    slider.focus();
    const user = userEvent.setup();
    for (const key of ['{ArrowRight}', '{ArrowLeft}', '{ArrowUp}', '{ArrowDown}', '{PageUp}', '{PageDown}', '{Home}', '{End}']) await user.keyboard(key);
    expect(onSeek.mock.calls.map(([s]) => s)).toEqual([17, 7, 17, 7, 22, 2, 0, 30]);
  });

  it('when clicked, then it seeks to that point of the clip; without a known length it does nothing', () => {
    const onSeek = vi.fn();
    const { rerender } = render(<ProgressSlider position={0} duration={30} onSeek={onSeek} />);
    const slider = screen.getByRole('slider');
    slider.getBoundingClientRect = () => ({ left: 100, width: 200, top: 0, height: 24, right: 300, bottom: 24, x: 100, y: 0, toJSON: () => ({}) });
    fireEvent.pointerDown(slider, { clientX: 150, pointerId: 1 });
    expect(onSeek).toHaveBeenLastCalledWith(7.5);
    rerender(<ProgressSlider position={0} duration={0} onSeek={onSeek} />);
    fireEvent.pointerDown(slider, { clientX: 250, pointerId: 1 });
    fireEvent.keyDown(slider, { key: 'End' });
    expect(onSeek).toHaveBeenCalledTimes(1);
    expect(slider).toHaveAttribute('aria-disabled', 'true');
  });
});
