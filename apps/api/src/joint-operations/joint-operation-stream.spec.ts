import {
  JOINT_OPERATION_NAMESPACE,
  jointOperationStreamId,
  uuidV5,
} from './joint-operation-stream';

describe('the stream id of a joint operation', () => {
  it('is a version 5 UUID as RFC 9562 computes it', () => {
    // The DNS namespace's example in RFC 9562, appendix A.4.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('is the same for the same code, trimmed as the domain keeps it, and differs per code', () => {
    const id = jointOperationStreamId('HR-SI-2024-03');
    // Pinned: another id would leave the reports already stored in a stream nobody reads.
    expect(id).toBe('bc9d5dcd-2144-5a2b-979f-5c5a471c7e98');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(jointOperationStreamId('  HR-SI-2024-03 ')).toBe(id);
    expect(jointOperationStreamId('HR-SI-2024-04')).not.toBe(id);
    expect(jointOperationStreamId('hr-si-2024-03')).not.toBe(id);
    expect(uuidV5('HR-SI-2024-03', JOINT_OPERATION_NAMESPACE)).toBe(id);
  });
});
