import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Resident ID numbers at rest: AES-256-GCM (random 12-byte IV, tag kept) for the number itself, and an
 * HMAC-SHA256 blind index to find the same person at two facilities without decrypting anything.
 */
export class IdNumberCipher {
  constructor(
    private readonly encryptionKey: Buffer,
    private readonly indexKey: Buffer,
  ) {
    if (encryptionKey.length !== 32 || indexKey.length !== 32) throw new Error('ID number keys must be 32 bytes');
  }

  encrypt(idNumber: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const data = Buffer.concat([cipher.update(normalise(idNumber), 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    const raw = Buffer.from(stored.replace(/^v1:/, ''), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  blindIndex(idNumber: string): string {
    return createHmac('sha256', this.indexKey).update(normalise(idNumber)).digest('hex');
  }
}

/** The check character may be written x or X. */
function normalise(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}
