package io.delineo.storage;

import java.nio.file.Path;

/**
 * Bytes received into a local temporary file, with their SHA-256 and size, not yet visible in any area. The file
 * may be read (to validate it) until it is committed or discarded.
 */
public record Staged(Path file, String sha256, long size) {
}
