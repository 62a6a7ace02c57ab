import { hangulReadings } from './hangul-reading';

describe('hangulReadings', () => {
  it.each([
    ['봄날', 'bomnal'],
    ['서울', 'seoul'],
    ['밤편지', 'bampyeonji'],
    // A final before a silent initial is heard as the next syllable's first sound.
    ['음악', 'eumak'],
    ['웃음', 'useum'],
    ['사랑해요', 'saranghaeyo'],
  ])('when the text is %s, then the Revised Romanization reading is %s and comes first', (text, reading) => {
    expect(hangulReadings(text)[0]).toBe(reading);
  });

  it('when the text is a name, then the older reading with k, t, p, ch for the plain stops is offered too', () => {
    expect(hangulReadings('조용필')).toEqual(['joyongpil', 'choyongpil']);
    expect(hangulReadings('김건모')).toContain('kimkeonmo');
    expect(hangulReadings('신승훈')).toContain('shinseunghun');
    expect(hangulReadings('시')[0]).toBe('si');
  });

  it('when words are apart or other letters are mixed in, then they stay as they are', () => {
    expect(hangulReadings('너의 의미')[0]).toBe('neoui uimi');
    expect(hangulReadings('2002 월드컵')[0]).toBe('2002 woldeukeop');
  });

  it('when there is no hangul, then there is no reading', () => {
    expect(hangulReadings('spring day')).toEqual([]);
    expect(hangulReadings('春の日')).toEqual([]);
  });
});
