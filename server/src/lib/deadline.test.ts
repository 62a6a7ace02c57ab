import { withDeadline } from './deadline';

describe('withDeadline', () => {
  it('when the work settles first, then its value or error comes back and late is never asked', async () => {
    const late = jest.fn(() => 'late');
    await expect(withDeadline(Promise.resolve(7), 1_000, late)).resolves.toBe(7);
    await expect(withDeadline(Promise.reject(new Error('broke')), 1_000, late)).rejects.toThrow('broke');
    expect(late).not.toHaveBeenCalled();
  });

  it('when the time runs out first, then late decides: its value, or its throw as the rejection', async () => {
    const never = new Promise<number>(() => undefined);
    await expect(withDeadline(never, 10, () => 'late' as const)).resolves.toBe('late');
    await expect(
      withDeadline(never, 10, () => {
        throw new Error('too slow');
      }),
    ).rejects.toThrow('too slow');
  });
});
