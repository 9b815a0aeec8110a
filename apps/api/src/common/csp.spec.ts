import { tileCspSources } from './csp.js';

describe('tile hosts in the content security policy', () => {
  it('keeps a plain host', () => {
    expect(tileCspSources('https://tile.openstreetmap.org/{z}/{x}/{y}.png', ['a', 'b', 'c'])).toEqual(['https://tile.openstreetmap.org']);
  });
  it('names each subdomain the template may use, and nothing more', () => {
    expect(tileCspSources('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', ['a', 'b', 'c'])).toEqual([
      'https://a.tile.openstreetmap.org',
      'https://b.tile.openstreetmap.org',
      'https://c.tile.openstreetmap.org',
    ]);
    expect(
      tileCspSources('https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}', [
        '1',
        '2',
        '3',
        '4',
      ]),
    ).toEqual([
      'https://webrd01.is.autonavi.com',
      'https://webrd02.is.autonavi.com',
      'https://webrd03.is.autonavi.com',
      'https://webrd04.is.autonavi.com',
    ]);
    expect(tileCspSources('https://t{s}.tianditu.gov.cn/vec_w/wmts?tk=KEY', ['0', '1'])).toEqual([
      'https://t0.tianditu.gov.cn',
      'https://t1.tianditu.gov.cn',
    ]);
  });
  it('ignores what is not an http(s) URL, and a host it cannot name', () => {
    expect(tileCspSources('/tiles/{z}/{x}/{y}.png', ['a'])).toEqual([]);
    expect(tileCspSources('https://{z}.example.org/{x}/{y}.png', ['a'])).toEqual([]);
    expect(tileCspSources('https://{s}.example.org/{z}/{x}/{y}.png', [])).toEqual([]);
  });
});
