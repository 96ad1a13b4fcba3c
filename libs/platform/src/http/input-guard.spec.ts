import { MAX_BODY_DEPTH, MAX_BODY_VALUES, problemInBytes, problemInInput, problemInQueryString } from './input-guard';

describe('problemInInput', () => {
  const nested = (depth: number): unknown => {
    let v: unknown = 1;
    for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
    return v;
  };

  it('accepts ordinary bodies, emoji and joiners included', () => {
    expect(problemInInput({ name: 'Zoë 🎓 👩‍🎓', rows: [{ a: 'x', b: [1, 2, null, true] }] })).toBeNull();
    expect(problemInInput(nested(MAX_BODY_DEPTH))).toBeNull();
  });

  it('refuses a body nested deeper than the limit, without recursing into it', () => {
    expect(problemInInput(nested(MAX_BODY_DEPTH + 1))).toEqual({ path: '', message: expect.stringContaining('nested too deeply') });
    expect(problemInInput(nested(100_000))).toEqual({ path: '', message: expect.stringContaining('nested too deeply') });
  });

  it('refuses a body with more values than allowed, counting every value once', () => {
    expect(problemInInput({ ids: Array.from({ length: 10_000 }, (_, i) => i) })).toBeNull();
    expect(problemInInput({ ids: Array(MAX_BODY_VALUES).fill(0) })).toMatchObject({ message: expect.stringContaining('too many values') });
    expect(problemInInput({ ids: Array(MAX_BODY_VALUES).fill(0) }, { maxValues: 1_000_000 })).toBeNull();
  });

  it('names the field that holds a lone surrogate or a NUL, keys included', () => {
    expect(problemInInput({ email: 'a\ud83d@example.test' })).toEqual({
      path: 'email',
      message: 'email must be valid Unicode text (it holds half of a character).',
    });
    expect(problemInInput({ rows: [{ name: 'ok' }, { name: 'a\udc00' }] })).toMatchObject({ path: 'rows.1.name' });
    expect(problemInInput({ note: 'a\u0000b' })).toEqual({ path: 'note', message: 'note must not contain a NUL character.' });
    expect(problemInInput({ ['x\ud83d']: 1 })).toEqual({
      path: 'x\ufffd',
      message: 'The field name x\ufffd must be valid Unicode text (it holds half of a character).',
    });
    expect(problemInInput('\ud83d')).toMatchObject({ path: '', message: expect.stringMatching(/^The request body must be valid Unicode/) });
  });
});

describe('problemInBytes and problemInQueryString', () => {
  it('refuses bytes that are not UTF-8', () => {
    expect(problemInBytes(Buffer.from('{"a":"Zoë 🎓"}'))).toBeNull();
    expect(problemInBytes(Buffer.from([0x7b, 0xed, 0xa0, 0xbd, 0x7d]))).toMatchObject({ message: 'The request body is not valid UTF-8 text.' });
  });

  it('refuses a query string with a broken escape or bytes that are not UTF-8, naming the parameter', () => {
    expect(problemInQueryString('/api/x?q=Zo%C3%AB+%F0%9F%8E%93&limit=5')).toBeNull();
    expect(problemInQueryString('/api/x?q=%zz')).toMatchObject({ path: 'q' });
    expect(problemInQueryString('/api/x?a=1&q=%ED%A0%BD')).toMatchObject({ path: 'q', message: expect.stringContaining('not UTF-8') });
    expect(problemInQueryString('/api/x?%ff=1')).toMatchObject({ path: '' });
  });
});
