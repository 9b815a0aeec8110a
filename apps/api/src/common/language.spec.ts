import { languageOf } from './language.js';

describe('answer language', () => {
  it('is Chinese by default', () => {
    expect(languageOf(undefined)).toBe('zh');
    expect(languageOf('fr-FR')).toBe('zh');
  });
  it('follows Accept-Language with its quality values', () => {
    expect(languageOf('en-US,en;q=0.9')).toBe('en');
    expect(languageOf('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(languageOf('fr;q=1, en;q=0.5, zh;q=0.4')).toBe('en');
    expect(languageOf('zh;q=0, en;q=0.1')).toBe('en');
  });
});
