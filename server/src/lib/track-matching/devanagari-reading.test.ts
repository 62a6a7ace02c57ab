import { devanagariReadings } from './devanagari-reading';

describe('devanagariReadings', () => {
  it.each([
    ['दिल से रे', 'dil se re'],
    ['कल हो ना हो', 'kal ho na ho'],
    ['ज़िंदगी', 'zindagi'],
    ['लता', 'lata'],
  ])('when the text is %s, then one reading is %s (the last "a" of a word unsaid, long vowels single)', (text, reading) => {
    expect(devanagariReadings(text)).toContain(reading);
  });

  it('when long vowels are written, then the reading with them doubled comes first', () => {
    expect(devanagariReadings('छैया छैया')[0]).toBe('chhaiyaa chhaiyaa');
  });

  it('when there is no Devanagari, then there is no reading', () => {
    expect(devanagariReadings('kal ho naa ho')).toEqual([]);
  });
});
