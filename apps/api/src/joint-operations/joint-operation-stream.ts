import { createHash } from 'node:crypto';

/**
 * The namespace of the joint operations' stream ids: a random UUID chosen once. Changing it
 * would give every operation a new stream, away from the reports already stored.
 */
export const JOINT_OPERATION_NAMESPACE = '4c0e1a58-91ff-40d3-b473-3f2bb77145bd';

/** A name-based UUID (version 5, SHA-1; RFC 9562 section 5.5) of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The stream of a joint operation, found from its code alone: the same code, as the domain
 * keeps it (trimmed), always names the same stream, and no lookup table is needed.
 */
export function jointOperationStreamId(code: string): string {
  return uuidV5(code.trim(), JOINT_OPERATION_NAMESPACE);
}
