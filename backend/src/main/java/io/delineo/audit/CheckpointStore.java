package io.delineo.audit;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where signed checkpoints of the audit chain head are kept: somewhere the database owner cannot write (a directory
 * of the portal, an object store). Names sort in the order checkpoints were written.
 */
public interface CheckpointStore {
    /** Stores a checkpoint durably (it is on disk or acknowledged by the store when this returns). */
    void write(String name, byte[] content) throws IOException;

    /** All names, oldest first. */
    List<String> list() throws IOException;

    byte[] read(String name) throws IOException;

    default Optional<String> latest() throws IOException {
        List<String> names = list();
        return names.isEmpty() ? Optional.empty() : Optional.of(names.get(names.size() - 1));
    }
}
