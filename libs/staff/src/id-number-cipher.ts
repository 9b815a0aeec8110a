import { FieldCipher } from '@lib/core';

/**
 * Resident ID numbers at rest: the shared field cipher (AES-256-GCM for the number itself, an HMAC-SHA256 blind
 * index to find the same person at two facilities without decrypting anything), over the normalised number.
 */
export class IdNumberCipher extends FieldCipher {
  override encrypt(idNumber: string): string {
    return super.encrypt(normalise(idNumber));
  }

  override blindIndex(idNumber: string): string {
    return super.blindIndex(normalise(idNumber));
  }
}

/** The check character may be written x or X. */
function normalise(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}
