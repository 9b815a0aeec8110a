import { randomBytes } from 'node:crypto';
import { IdNumberCipher } from './id-number-cipher.js';

describe('resident ID numbers at rest', () => {
  const cipher = new IdNumberCipher(randomBytes(32), randomBytes(32));
  const id = '11010519491231002X';

  it('are encrypted so that the stored text does not contain the number, and decrypt back', () => {
    const stored = cipher.encrypt(id);
    expect(stored).not.toContain(id);
    expect(stored).not.toContain(id.slice(0, 10));
    expect(cipher.decrypt(stored)).toBe(id);
  });
  it('encrypt differently each time (random IV) but index the same', () => {
    expect(cipher.encrypt(id)).not.toBe(cipher.encrypt(id));
    expect(cipher.blindIndex(id)).toBe(cipher.blindIndex(id.toLowerCase()));
    expect(cipher.blindIndex(id)).not.toBe(cipher.blindIndex('110105194912310021'));
  });
  it('refuse a tampered ciphertext', () => {
    const stored = cipher.encrypt(id);
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => cipher.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });
  it('depend on the keys: another index key gives another index', () => {
    expect(new IdNumberCipher(randomBytes(32), randomBytes(32)).blindIndex(id)).not.toBe(cipher.blindIndex(id));
  });
});
