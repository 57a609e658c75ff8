package io.delineo.interop.deid;

/**
 * Replaces UIDs consistently: the same original always gives the same replacement (within the scope the product
 * chooses, e.g. one export or one study), so references between instances stay intact. The product keeps the
 * mapping in its database; {@link InMemoryUidMapper} keeps it in memory.
 */
public interface UidMapper {
    /** The replacement for {@code originalUid} (a valid UID of at most 64 characters). */
    String map(String originalUid);
}
