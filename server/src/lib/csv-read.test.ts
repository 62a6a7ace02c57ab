import { readCsv, readCsvHeader } from './csv-read';

describe('readCsv', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('when lines end with %s and a quoted field spans lines, then each record keeps the line it starts on', (_name, nl) => {
    const text = ['\uFEFFName,Review', `A,"one${nl}two${nl}three"`, '', 'B,"x, ""y"""', `C,é🎧${nl}`].join(nl);
    const table = readCsv(text);
    expect(table.header).toEqual(['Name', 'Review']);
    expect(table.records).toEqual([
      { line: 2, fields: ['A', `one${nl}two${nl}three`] },
      { line: 6, fields: ['B', 'x, "y"'] },
      { line: 7, fields: ['C', 'é🎧'] },
    ]);
    expect(table.broken).toEqual([]);
  });

  it('when a stray quote sits inside an unquoted field, then it is kept as text and the next rows still parse', () => {
    const table = readCsv('Name,Rating\nThe "Best" Of,4\nNext,5\n');
    expect(table.records.map((r) => r.fields)).toEqual([
      ['The "Best" Of', '4'],
      ['Next', '5'],
    ]);
  });

  it('when the text is empty, then there is no header and no record', () => {
    expect(readCsv('')).toEqual({ header: [], records: [], broken: [] });
  });
});

describe('readCsvHeader', () => {
  it('when the header is quoted and has a BOM, then only its names are returned', () => {
    expect(readCsvHeader('\uFEFF"Date", Name ,"Rating"\r\n2024-01-01,x,4\n')).toEqual(['Date', 'Name', 'Rating']);
  });
});
