import { describe, expect, it } from '@jest/globals';
import { firstLoadScripts } from './web-assets';

describe('firstLoadScripts', () => {
  it('follows static imports from the entries and leaves dynamic chunks out', () => {
    const chunks = {
      'index.js': { isEntry: true, imports: ['preact.js', 'shared.js'] },
      'preact.js': { isEntry: false, imports: [] },
      'shared.js': { isEntry: false, imports: ['preact.js'] },
      'console.js': { isEntry: false, imports: ['shared.js', 'forms.js'] },
      'forms.js': { isEntry: false, imports: [] },
    };
    expect(firstLoadScripts(chunks)).toEqual(['index.js', 'preact.js', 'shared.js']);
  });

  it('ignores imports of files that are not chunks', () => {
    expect(firstLoadScripts({ 'a.js': { isEntry: true, imports: ['missing.js'] } })).toEqual(['a.js']);
  });
});
