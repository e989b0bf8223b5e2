import { describe, expect, it } from 'vitest';
import { withDefaultOptions } from '../../src/util/create-rule.js';
import { rules } from '../../src/rules/index.js';

describe('withDefaultOptions', () => {
  const defaults: [{ allow: string[]; strict: boolean }] = [{ allow: [], strict: false }];

  it('returns the defaults when no options are given', () => {
    expect(withDefaultOptions(defaults, [])).toEqual([{ allow: [], strict: false }]);
  });

  it('lets given values win over the defaults and keeps the rest', () => {
    expect(withDefaultOptions(defaults, [{ strict: true }])).toEqual([{ allow: [], strict: true }]);
    expect(withDefaultOptions(defaults, [{ allow: ['a'] }])).toEqual([{ allow: ['a'], strict: false }]);
  });

  it('keeps the default for a key given as undefined', () => {
    expect(withDefaultOptions(defaults, [{ allow: undefined, strict: true }])).toEqual([{ allow: [], strict: true }]);
  });

  it('never changes the defaults object', () => {
    const merged = withDefaultOptions(defaults, [{ strict: true }]);
    expect(merged[0]).not.toBe(defaults[0]);
    expect(defaults).toEqual([{ allow: [], strict: false }]);
  });

  it('handles rules without options', () => {
    expect(withDefaultOptions([], [])).toEqual([]);
  });
});

describe('rule options', () => {
  // The shallow merge is only right while no option holds a nested object.
  it.each(Object.entries(rules))('%s has only array or scalar option values', (_name, rule) => {
    const [defaults] = (rule.defaultOptions ?? []) as [Record<string, unknown>?];
    for (const value of Object.values(defaults ?? {})) {
      expect(Array.isArray(value) || value === null || typeof value !== 'object').toBe(true);
    }
    const schema = rule.meta.schema as readonly { properties?: Record<string, { type?: string | string[] }> }[];
    for (const property of Object.values(schema[0]?.properties ?? {})) {
      expect(property.type).not.toBe('object');
    }
  });
});
