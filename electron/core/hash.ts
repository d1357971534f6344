/**
 * The one content hash of the store: what the importer records for a file it read, what the
 * exporter compares a folder's files against, what a pack's sources are fingerprinted with.
 * One function, so a file hashed on import and on export always compares equal.
 */
import { createHash } from 'node:crypto';

/** Lower-case hex SHA-256 of the bytes (a string is hashed as UTF-8). */
export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
