import { describe, expect, it } from 'vitest';
import { parseEta, parseSteps } from '../../../src/ui/train/trainFields';

describe('the learning-rate field', () => {
  it('reads a number greater than 0, written as the sheet reads answers', () => {
    expect(parseEta('0.1')).toEqual({ ok: true, value: 0.1 });
    expect(parseEta(' .001 ')).toEqual({ ok: true, value: 0.001 });
    expect(parseEta('0,5')).toEqual({ ok: true, value: 0.5 });
  });

  it('says what is wrong with anything else', () => {
    expect(parseEta('')).toMatchObject({ ok: false, message: expect.stringContaining('Type a learning rate') });
    expect(parseEta('abc')).toMatchObject({ ok: false, message: expect.stringContaining('“abc” is not a number') });
    expect(parseEta('-0.1')).toMatchObject({ ok: false, message: expect.stringContaining('greater than 0') });
    expect(parseEta('0')).toMatchObject({ ok: false, message: expect.stringContaining('greater than 0') });
  });
});

describe('the steps field', () => {
  it('reads a whole number from 1 to 10000', () => {
    expect(parseSteps('1')).toEqual({ ok: true, value: 1 });
    expect(parseSteps('10000')).toEqual({ ok: true, value: 10000 });
  });

  it('says what is wrong with anything else', () => {
    expect(parseSteps('')).toMatchObject({ ok: false, message: expect.stringContaining('from 1 to 10000') });
    expect(parseSteps('abc')).toMatchObject({ ok: false, message: expect.stringContaining('“abc” is not a whole') });
    expect(parseSteps('-5')).toMatchObject({ ok: false, message: expect.stringContaining('“-5” is not a whole') });
    expect(parseSteps('2.5')).toMatchObject({ ok: false, message: expect.stringContaining('is not a whole') });
    expect(parseSteps('0')).toMatchObject({ ok: false });
    expect(parseSteps('10001')).toMatchObject({ ok: false, message: expect.stringContaining('at most 10000') });
  });
});
