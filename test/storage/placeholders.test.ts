import { bindValue, numberPlaceholders } from '../../src/storage/placeholders';

describe('numberPlaceholders (PostgreSQL parameters)', () => {
  test('numbers each ? in order', () => {
    expect(numberPlaceholders('SELECT * FROM t WHERE a = ? AND b IN (?, ?)')).toBe('SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)');
  });

  test('leaves ? inside literals, quoted names and comments alone', () => {
    expect(numberPlaceholders(`SELECT 'why?', 'it''s ?', "odd?col" FROM t -- really?\nWHERE a = ? /* b = ? */ AND c = ?`)).toBe(
      `SELECT 'why?', 'it''s ?', "odd?col" FROM t -- really?\nWHERE a = $1 /* b = ? */ AND c = $2`,
    );
  });

  test('an unterminated literal does not throw', () => {
    expect(numberPlaceholders("SELECT ? , 'open")).toBe("SELECT $1 , 'open");
  });
});

test('values are bound as SQLite would store them', () => {
  expect([true, false, undefined, null, 3, 'x'].map(bindValue)).toEqual([1, 0, null, null, 3, 'x']);
  expect(bindValue(new Date(86400000))).toBe(86400000);
});
