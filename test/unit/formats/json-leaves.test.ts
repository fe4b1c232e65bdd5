import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPlainKey, listStringLeaves, PathCache, renderWithReplacements } from '../../../shared/formats/json-leaves';
import { explainJsonError, locateJsonError } from '../../../shared/formats/json-syntax-error';

/** The string values of a parsed JSON value, depth-first in source (= insertion) order. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

/** `value` with every string replaced by `f(string)`, keeping key order. */
function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, { value: mapStrings(v, f), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

describe('listStringLeaves', () => {
  it('lists string values (not keys) with paths, decoded values and raw spans', () => {
    const raw = '{"id": 7, "subject": "Hi", "tags": ["a", "b"], "comments": [{"body": "x"}, {"body": "y", "n": null}]}';
    const fields = listStringLeaves(raw);
    expect(fields.map((f) => [f.path, f.value])).toEqual([
      ['subject', 'Hi'],
      ['tags[0]', 'a'],
      ['tags[1]', 'b'],
      ['comments[0].body', 'x'],
      ['comments[1].body', 'y'],
    ]);
    for (const f of fields) {
      expect(raw.slice(f.rawStart, f.rawEnd)).toBe(JSON.stringify(f.value));
    }
  });

  it('builds paths for nested objects and arrays', () => {
    const raw = JSON.stringify({
      comments: [{ body: '0' }, { body: '1' }, { body: '2' }, { body: 'third', author: { name: 'N' } }],
      a: { b: [0, 1, [null, [9, { c: 'deep' }]]] },
    });
    const paths = Object.fromEntries(listStringLeaves(raw).map((f) => [f.path, f.value]));
    expect(paths['comments[3].body']).toBe('third');
    expect(paths['comments[3].author.name']).toBe('N');
    expect(paths['a.b[2][1][1].c']).toBe('deep');
  });

  it('uses the bracket-quote form for keys that are not plain identifiers', () => {
    const raw = '{"first name": "Ann", "a.b": "x", "x-request-id": "r", "_$ok1": "o", "": "empty", "prénom": "Zoë", "9lives": "cat", "q\\"uote": {"in": "v"}}';
    expect(listStringLeaves(raw).map((f) => f.path)).toEqual([
      '["first name"]',
      '["a.b"]',
      'x-request-id',
      '_$ok1',
      '[""]',
      '["prénom"]',
      '["9lives"]',
      '["q\\"uote"].in',
    ]);
    expect(isPlainKey('comments')).toBe(true);
    expect(isPlainKey('first name')).toBe(false);
  });

  it('gives a bare string the path $, and arrays at the top bracket paths', () => {
    expect(listStringLeaves('"hello"')).toEqual([{ path: '$', value: 'hello', rawStart: 0, rawEnd: 7 }]);
    expect(listStringLeaves('  "x"\r\n')).toEqual([{ path: '$', value: 'x', rawStart: 2, rawEnd: 5 }]);
    expect(listStringLeaves('["a", ["b"]]').map((f) => f.path)).toEqual(['[0]', '[1][0]']);
    expect(listStringLeaves('42')).toEqual([]);
    expect(listStringLeaves('{}')).toEqual([]);
  });

  it('prefixes paths with basePath', () => {
    expect(listStringLeaves('{"exported_by": "a@b.c", "list": ["x"]}', 'meta').map((f) => f.path)).toEqual([
      'meta.exported_by',
      'meta.list[0]',
    ]);
    expect(listStringLeaves('"v"', 'note')[0]?.path).toBe('note');
    expect(listStringLeaves('["v"]', '["odd key"]')[0]?.path).toBe('["odd key"][0]');
  });

  it('decodes escapes, including surrogate pairs and escaped quotes/backslashes', () => {
    const raw = '["a\\"b", "c\\\\", "\\\\\\"", "\\u00e9\\ud83d\\ude00", "tab\\tnl\\n", "plain", "\\/"]';
    expect(listStringLeaves(raw).map((f) => f.value)).toEqual(['a"b', 'c\\', '\\"', 'é😀', 'tab\tnl\n', 'plain', '/']);
  });

  it('keeps duplicate keys as separate fields', () => {
    const fields = listStringLeaves('{"a": "1", "a": "2", "b": {"c": "x", "c": "y"}}');
    expect(fields.map((f) => [f.path, f.value])).toEqual([
      ['a', '1'],
      ['a', '2'],
      ['b.c', 'x'],
      ['b.c', 'y'],
    ]);
    expect(renderWithReplacements('{"a": "1", "a": "2"}', listStringLeaves('{"a": "1", "a": "2"}'), [undefined, 'Z'])).toBe(
      '{"a": "1", "a": "Z"}',
    );
  });

  it('handles 10,000 levels of nesting without recursion', () => {
    const depth = 10_000;
    const arrays = '['.repeat(depth) + '"bottom"' + ']'.repeat(depth);
    const a = listStringLeaves(arrays);
    expect(a).toHaveLength(1);
    expect(a[0]?.value).toBe('bottom');
    expect(a[0]?.path).toBe('[0]'.repeat(depth));
    const objects = '{"k":'.repeat(depth) + '"v"' + '}'.repeat(depth);
    const o = listStringLeaves(objects);
    expect(o[0]?.path).toBe(Array(depth).fill('k').join('.'));
    expect(renderWithReplacements(objects, o, ['w'])).toBe(objects.replace('"v"', '"w"'));
  });

  it('finds the same strings as JSON.parse for random JSON (compact and indented)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const raw = JSON.stringify(value, null, indent);
        const fields = listStringLeaves(raw);
        expect(fields.map((f) => f.value)).toEqual(stringsOf(JSON.parse(raw)));
        for (const f of fields) expect(JSON.parse(raw.slice(f.rawStart, f.rawEnd))).toBe(f.value);
      }),
      { numRuns: 300 },
    );
  });
});

describe('PathCache', () => {
  it('gives the same paths whatever its size (it starts afresh when full)', () => {
    const tiny = new PathCache(3);
    const big = new PathCache();
    fc.assert(
      fc.property(fc.jsonValue(), fc.option(fc.constantFrom('meta', '["a b"]'), { nil: undefined }), (value, base) => {
        const raw = JSON.stringify(value);
        const expected = listStringLeaves(raw, base, new PathCache());
        expect(listStringLeaves(raw, base, tiny)).toEqual(expected);
        expect(listStringLeaves(raw, base, big)).toEqual(expected);
        expect(listStringLeaves(raw, base)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('does not mix up records of different shapes', () => {
    const cache = new PathCache();
    expect(listStringLeaves('{"a": ["x", "y"]}', undefined, cache).map((f) => f.path)).toEqual(['a[0]', 'a[1]']);
    expect(listStringLeaves('{"a": {"0": "x"}, "b": [[], ["z"]]}', undefined, cache).map((f) => f.path)).toEqual([
      'a["0"]',
      'b[1][0]',
    ]);
    expect(listStringLeaves('"s"', undefined, cache)[0]?.path).toBe('$');
    expect(listStringLeaves('"s"', 'note', cache)[0]?.path).toBe('note');
  });
});

describe('listStringLeaves on invalid input', () => {
  it('never throws', () => {
    const piece = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\\u', 'x', '1', ' ', '"a"', '"\\q"');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const raw = pieces.join('');
        expect(() => listStringLeaves(raw)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});

describe('renderWithReplacements', () => {
  const raw = '{\n  "n": 1.0,\n  "big": 12345678901234567890,\n  "esc": "caf\\u00e9",\n  "email": "ann@example.com",\n  "list": ["keep", "x"]\n}';
  const fields = listStringLeaves(raw);

  it('returns the raw text itself when nothing changes', () => {
    expect(renderWithReplacements(raw, fields, [])).toBe(raw);
    expect(renderWithReplacements(raw, fields, fields.map(() => undefined))).toBe(raw);
    // Same value: keep the original escapes.
    expect(renderWithReplacements(raw, fields, fields.map((f) => f.value))).toBe(raw);
  });

  it('replaces only the changed tokens', () => {
    const out = renderWithReplacements(raw, fields, [undefined, '<EMAIL>', undefined, 'a "quoted"\nline']);
    expect(out).toBe(raw.replace('"ann@example.com"', '"<EMAIL>"').replace('"x"', '"a \\"quoted\\"\\nline"'));
    expect(out).toContain('1.0');
    expect(out).toContain('12345678901234567890');
    expect(out).toContain('"caf\\u00e9"');
    expect(Object.keys(JSON.parse(out) as object)).toEqual(['n', 'big', 'esc', 'email', 'list']);
  });

  it('produces the expected JSON for random values and replacements, keeping key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 1, '  '), fc.string(), (value, indent, suffix) => {
        const src = JSON.stringify(value, null, indent);
        const f = (s: string): string => `${s.length}:${suffix}`;
        const fs = listStringLeaves(src);
        const out = renderWithReplacements(src, fs, fs.map((x) => f(x.value)));
        expect(JSON.stringify(JSON.parse(out))).toBe(JSON.stringify(mapStrings(JSON.parse(src), f)));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects fields without a source span', () => {
    expect(() => renderWithReplacements('"a"', [{ path: '$', value: 'a' }], ['b'])).toThrow(/no source span/);
  });
});

describe('locateJsonError', () => {
  const cases: [string, number, RegExp][] = [
    ['{"a":}', 5, /expected a value, found '}'/],
    ['[1, x]', 4, /expected a value, found 'x'/],
    ['[1 2]', 3, /expected ',' or '\]' after an array element/],
    ['{"a":1', 6, /unexpected end of input \(unterminated object\)/],
    ['"ab\ncd"', 3, /line break inside a string/],
    ['[1,]', 3, /trailing comma/],
    ['tru', 0, /invalid literal/],
    ['01', 1, /after the end of the value/],
    ['{"a" 1}', 5, /expected ':'/],
    ['{"a":1,}', 7, /trailing comma/],
    ['"\\x"', 1, /bad escape/],
    ['"\\u12g4"', 1, /bad \\u escape/],
    ['-', 0, /invalid number/],
    ['1.', 0, /invalid number/],
    ['', 0, /no value/],
    ['{"a":1} x', 8, /after the end of the value/],
  ];
  it.each(cases)('%j -> position %d', (text, pos, message) => {
    expect(() => JSON.parse(text)).toThrow();
    const e = locateJsonError(text);
    expect(e?.pos).toBe(pos);
    expect(e?.message).toMatch(message);
  });

  it('accepts what JSON.parse accepts', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(locateJsonError(JSON.stringify(v, null, 1))).toBeNull();
      }),
    );
  });

  it('agrees with JSON.parse on random corruptions', () => {
    const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', 'x', '1', '-', '.', 'e', ' ', '\n', 't', 'u'];
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom(...alphabet), fc.boolean(), (v, at, ch, insert) => {
        const src = JSON.stringify(v);
        const p = at % (src.length + 1);
        const text = insert ? src.slice(0, p) + ch + src.slice(p) : src.slice(0, p) + src.slice(p + 1);
        let ok = true;
        try {
          JSON.parse(text);
        } catch {
          ok = false;
        }
        expect(locateJsonError(text) === null).toBe(ok);
      }),
      { numRuns: 2000 },
    );
  });

  it('explains without quoting the text', () => {
    const text = '{"email": "secret@example.com", oops}';
    let err: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      err = e;
    }
    const e = explainJsonError(text, err);
    expect(e.pos).toBe(text.indexOf('oops'));
    expect(e.message).not.toContain('secret');
  });
});
