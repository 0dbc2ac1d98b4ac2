import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from '../../../src/core/format/jsonDuplicates';

describe('findDuplicateKeys', () => {
  it('finds a repeated key at any depth, by its path', () => {
    expect(findDuplicateKeys('{"a": 1, "b": {"c": [1, {"d": 2, "d": 3}]}, "a": 4}')).toEqual(['b.c[1].d', 'a']);
  });

  it('is not fooled by braces, commas, colons and escaped quotes inside strings', () => {
    expect(findDuplicateKeys('{"a": "x\\",\\"a\\": {", "b": ["}", ",", "\\\\"], "c": {"a": 1}}')).toEqual([]);
  });

  it('takes the same key in two different objects as no duplicate', () => {
    expect(findDuplicateKeys('[{"W": 1}, {"W": 2}]')).toEqual([]);
  });

  it('quotes a key that is not a plain name, escaped', () => {
    expect(findDuplicateKeys('{"v": {"x y": 1, "x y": 2, "\\u001b": 3, "\\u001b": 4}}')).toEqual([
      'v["x y"]',
      'v["\\u001b"]',
    ]);
  });
});
