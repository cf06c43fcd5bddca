import { guardFor, VectisError, type VectisErrorOptions } from './vectis-error';

/**
 * The vendor rotated a credential (a refresh token that is single-use) but the caller-supplied store
 * could not save the new one. The connector stops before using anything the store does not hold:
 * the stored credential may already be dead at the vendor, so the connection is **at risk**.
 *
 * The cause is kept with its message redacted (a store's error may quote the token it failed to write).
 *
 * @example
 * if (isCredentialStoreError(err)) alert(`${err.message}`); // fix the store, then run again; re-mint if refused
 */
export class CredentialStoreError extends VectisError {
  override name = 'CredentialStoreError';
  constructor(details: VectisErrorOptions & { what?: string }) {
    super(`could not save the rotated ${details.what ?? 'refresh token'}: the stored credentials are at risk`, {
      remedy:
        'The sync stopped before using the new token. Fix the token store (its error is attached as the cause) and run again: ' +
        'this connection still holds the new token in memory and retries the save first. If the process has ended, the store ' +
        'holds the previous token, which the vendor may already have invalidated; if the next run is refused, mint new credentials.',
      ...details,
    });
  }
}

/** @example if (isCredentialStoreError(err)) … */
export const isCredentialStoreError = guardFor(CredentialStoreError, 'CredentialStoreError');
