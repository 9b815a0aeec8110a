import { wantsWebPage, webCacheControl } from './web-pages.js';

describe('webCacheControl', () => {
  it('caches hashed assets for a year and revalidates the rest', () => {
    expect(webCacheControl('/srv/dist/web/assets/index-DKalBfgB.js')).toBe('public, max-age=31536000, immutable');
    expect(webCacheControl('/srv/dist/web/assets/index-B5I3jw2X.css.br')).toBe('public, max-age=31536000, immutable');
    expect(webCacheControl('/srv/dist/web/index.html')).toBe('no-cache');
    expect(webCacheControl('/srv/dist/web/index.html.br')).toBe('no-cache');
  });
});

describe('wantsWebPage', () => {
  const html = 'text/html,application/xhtml+xml,*/*;q=0.8';
  it('is a browser navigating to a path outside the API', () => {
    expect(wantsWebPage('GET', '/no-such-page', html)).toBe(true);
    expect(wantsWebPage('HEAD', '/x?y=1', html)).toBe(true);
  });
  it('is not an API path, another method or a client not asking for HTML', () => {
    expect(wantsWebPage('GET', '/api/v1/nothing', html)).toBe(false);
    expect(wantsWebPage('GET', '/api', html)).toBe(false);
    expect(wantsWebPage('GET', '/admin/queues/x', html)).toBe(false);
    expect(wantsWebPage('GET', '/health?x', html)).toBe(false);
    expect(wantsWebPage('POST', '/no-such-page', html)).toBe(false);
    expect(wantsWebPage('GET', '/no-such-page', 'application/json')).toBe(false);
    expect(wantsWebPage('GET', '/no-such-page', undefined)).toBe(false);
  });
});
