import { DOCUMENT_TYPE_LABELS, FACILITY_KIND_LABELS, SERVICE_TYPE_LABELS, labelOf, labelsIn } from './labels.js';
import { FACILITY_KINDS, SERVICE_TYPES } from './registry-types.js';
import { VOCABULARIES } from './vocabularies.js';

describe('labels', () => {
  it('give every value of every vocabulary words in both languages, and nothing else', () => {
    for (const [name, [values, labels]] of Object.entries(VOCABULARIES)) {
      expect({ name, keys: Object.keys(labels).sort() }).toEqual({ name, keys: [...values].sort() });
      for (const value of values) {
        const label = (labels as Record<string, { zh: string; en: string }>)[value]!;
        expect({ name, value, zh: label.zh.trim().length > 0, en: label.en.trim().length > 0 }).toEqual({
          name,
          value,
          zh: true,
          en: true,
        });
        expect(label.zh).not.toMatch(/[a-z_]{3,}/); // a word, not a code
      }
    }
  });

  it('list facility kinds and service types in the vocabulary’s order (the parents’ search reads the values from the words)', () => {
    expect(Object.keys(FACILITY_KIND_LABELS)).toEqual([...FACILITY_KINDS]);
    expect(Object.keys(SERVICE_TYPE_LABELS)).toEqual([...SERVICE_TYPES]);
  });

  it('name the fire-safety document as the certificate is titled (消防安全检查合格证明)', () => {
    expect(DOCUMENT_TYPE_LABELS.fire_safety.zh).toBe('消防安全检查合格证明');
  });

  it('list the words of one language, and fall back to the value for one they do not know', () => {
    expect(labelsIn(DOCUMENT_TYPE_LABELS, 'en').premises).toBe('Proof of premises');
    expect(labelOf(DOCUMENT_TYPE_LABELS, 'food_licence', 'zh')).toBe('食品经营许可证');
    expect(labelOf(DOCUMENT_TYPE_LABELS, 'unknown_kind', 'en')).toBe('unknown_kind');
  });
});
