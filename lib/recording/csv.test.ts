import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type StreamParams } from '@/lib/contract/params';
import { expectedEvents } from '@/lib/trace/expected';
import { emptyTrace, reduceEvents } from '@/lib/trace/reduce';
import { SEED_EXECUTION_TABLE } from '@/lib/trace/seed-tables.fixture';
import { CSV_HEADER, csvCell, executionTableCsv } from './csv';

const rowsFor = (params: StreamParams) => reduceEvents(emptyTrace(params), expectedEvents(params)).rows;

/** A strict RFC 4180 reader, for checking what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const char = text[k]!;
    if (quoted && char === '"' && text[k + 1] === '"') {
      cell += '"';
      k++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      record.push(cell);
      cell = '';
    } else if (!quoted && char === '\r' && text[k + 1] === '\n') {
      records.push([...record, cell]);
      record = [];
      cell = '';
      k++;
    } else {
      cell += char;
    }
  }
  return records;
}

describe('executionTableCsv', () => {
  it("starts with the seed's column names, word for word, and the arrival time's", () => {
    const csv = executionTableCsv(rowsFor(DEFAULT_PARAMS));
    expect(csv.split('\r\n')[0]).toBe('Step,Action,Data Sent,Sleep Time (s),Connection State,Arrived (ms)');
    expect(CSV_HEADER).toEqual(['Step', 'Action', 'Data Sent', 'Sleep Time (s)', 'Connection State', 'Arrived (ms)']);
  });

  it("writes a seed run as the seed's Execution Table, cell for cell, each line ended by CRLF", () => {
    const csv = executionTableCsv(rowsFor(DEFAULT_PARAMS));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const [, ...rows] = parseCsv(csv);
    expect(rows.map((row) => row.slice(0, 5))).toEqual(SEED_EXECUTION_TABLE);
    expect(rows.map((row) => row[5])).toEqual(['0', '0', '1000', '2000', '3000']);
  });

  it('quotes commas, quotes and line breaks, and defuses a formula, so a spreadsheet reads the text back', () => {
    const template = '=HYPERLINK("x"),\r\n{i}';
    const [, , first] = parseCsv(executionTableCsv(rowsFor({ ...DEFAULT_PARAMS, template })));
    expect(first![2]).toBe(`'=HYPERLINK("x"),\r\n0`);
  });
});

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=a,b', `"'=a,b"`],
    ['😀 ok', '😀 ok'],
  ])('writes %j as %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });
});
