import { numbersIn, textSimilarity } from './text-similarity';

describe('textSimilarity', () => {
  it('when texts differ only in spacing, word order or the spelling of a number, then they are equal', () => {
    expect(textSimilarity('ac dc', 'acdc')).toBe(1);
    expect(textSimilarity('dancing queen', 'queen dancing')).toBe(1);
    expect(textSimilarity('another brick in the wall part 2', 'another brick in the wall pt two')).toBe(1);
    expect(textSimilarity('symphony no ii', 'symphony no 2')).toBe(1);
    expect(textSimilarity('mr sandman', 'mister sandman')).toBe(1);
    expect(textSimilarity('mrs robinson', 'missus robinson')).toBe(1);
  });

  it('when parts are numbered as a range in digits on one side and roman numerals on the other, then they are equal', () => {
    expect(textSimilarity('echoes pts 1 2', 'echoes parts i ii')).toBe(1);
    expect(textSimilarity('echoes parts i ii', 'echoes parts iii iv')).toBeLessThan(0.5);
  });

  it('when one title names a work by a catalogue the other leaves out, then the numbers still agree; another number in a shared catalogue does not', () => {
    expect(textSimilarity('cello suite no 1 in g major bwv 1007 1 prelude', 'cello suite no 1 in g major 1 prelude')).toBeGreaterThan(0.8);
    expect(textSimilarity('symphony no 40 in g minor k 550 1 molto allegro', 'symphony no 40 in g minor 1 molto allegro')).toBeGreaterThan(0.8);
    expect(textSimilarity('sonata in d minor k 141', 'sonata in d minor k 9')).toBeLessThan(0.5);
    expect(textSimilarity('plan b 2', 'plan b')).toBeLessThan(0.5);
  });

  it('when one word of a title differs, then similarity falls by a word, not by a letter', () => {
    expect(textSimilarity('everybody wants to rule the world', 'everybody wants to run the world')).toBeLessThan(0.85);
    expect(textSimilarity('colour of the sky', 'color of the sky')).toBeGreaterThan(0.85);
  });

  it('when names differ only in a letter written doubled, then they are one name spelt two ways; another short word is not', () => {
    expect(textSimilarity('mohamed mounir', 'mohammed mounir')).toBeGreaterThanOrEqual(0.95);
    expect(textSimilarity('tito puente and his orchestra', 'titto puente and his orchestra')).toBeGreaterThanOrEqual(0.95);
    expect(textSimilarity('rule the world', 'run the world')).toBeLessThan(0.85);
  });

  it('when repeats differ, then they count', () => {
    expect(textSimilarity('love love love', 'love')).toBeLessThan(0.6);
  });

  it('when the numbers differ, then similarity is capped low', () => {
    expect(numbersIn('part 1')).not.toBe(numbersIn('part 2'));
    expect(textSimilarity('hold on part 1', 'hold on part 2')).toBeLessThan(0.5);
    expect(textSimilarity('symphony no 5', 'symphony no 7')).toBeLessThan(0.5);
  });

  it('when texts are in another script, then they are compared character by character', () => {
    expect(textSimilarity('夜に駆ける', '夜に駆ける')).toBe(1);
    expect(textSimilarity('夜に駆ける', '夜に駆け')).toBeGreaterThan(0.75);
  });
});
