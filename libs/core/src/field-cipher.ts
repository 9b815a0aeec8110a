import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Personal data at rest (staff ID numbers, complainants' contacts): AES-256-GCM with a random 12-byte IV and the
 * tag kept, stored as `v1:<base64>`; and an HMAC-SHA256 blind index to find equal values without decrypting.
 * Keys come from the identity configuration (ID_ENCRYPTION_KEY, ID_BLIND_INDEX_KEY).
 */
export class FieldCipher {
  constructor(
    private readonly encryptionKey: Buffer,
    private readonly indexKey: Buffer,
  ) {
    if (encryptionKey.length !== 32 || indexKey.length !== 32) throw new Error('field cipher keys must be 32 bytes');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    const raw = Buffer.from(stored.replace(/^v1:/, ''), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  blindIndex(plain: string): string {
    return createHmac('sha256', this.indexKey).update(plain).digest('hex');
  }
}
