import { Request, Response } from 'express';
import { refuseHostileJson } from './body-parsing';

/** What refuseHostileJson answers for a parsed body: 'next' or the problem's code. */
function verdict(body: unknown): string {
  let answer = 'next';
  const res = {
    locals: {},
    setHeader: () => res,
    status: () => res,
    type: () => res,
    send: (text: string) => {
      answer = (JSON.parse(text) as { code: string }).code;
      return res;
    },
  };
  refuseHostileJson(
    { body, originalUrl: '/cases', socket: { destroyed: false } } as unknown as Request,
    res as unknown as Response,
    () => undefined,
  );
  return answer;
}

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('refusing hostile JSON before validation', () => {
  it('lets an ordinary request through, Unicode included', () => {
    expect(
      verdict({
        place: 'Obrežje 🚐',
        migrants: [{ nationality: 'SY', person: { documents: [{ number: 'P1' }] } }],
      }),
    ).toBe('next');
  });

  it.each([
    ['NUL in a value', { summary: 'a\u0000b' }],
    ['NUL in a key', { ['a\u0000']: 1 }],
    ['a lone high surrogate', { summary: '\ud800' }],
    ['a lone low surrogate deep down', { a: [{ b: 'x\udc00y' }] }],
  ])('refuses %s as REQUEST.INVALID_CHARACTER', (_, body) => {
    expect(verdict(body)).toBe('REQUEST.INVALID_CHARACTER');
  });

  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', '__defineGetter__'])(
    'refuses the key %s, which class-transformer would drop unseen',
    (key) => {
      expect(verdict(JSON.parse(`{"person":{"${key}":"x"}}`))).toBe('REQUEST.VALIDATION_FAILED');
    },
  );

  it('bounds nesting without recursing: 16 levels pass, 17 and 100,000 do not', () => {
    expect(verdict(nested(16))).toBe('next');
    expect(verdict(nested(17))).toBe('REQUEST.TOO_DEEP');
    expect(verdict(nested(100_000))).toBe('REQUEST.TOO_DEEP');
  });
});
