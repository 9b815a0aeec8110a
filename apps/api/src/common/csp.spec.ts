import { tileCspSource } from './csp.js';

describe('tile host in the content security policy', () => {
  it('keeps a plain host', () => {
    expect(tileCspSource('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org');
  });
  it('turns a subdomain placeholder into a wildcard', () => {
    expect(tileCspSource('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://*.tile.openstreetmap.org');
    expect(tileCspSource('https://t{s}.tianditu.gov.cn/vec_w/wmts?tk=KEY')).toBe('https://*.tianditu.gov.cn');
  });
  it('ignores what is not an http(s) URL', () => {
    expect(tileCspSource('/tiles/{z}/{x}/{y}.png')).toBeNull();
  });
});
