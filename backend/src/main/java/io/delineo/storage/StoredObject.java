package io.delineo.storage;

/** An object as committed: where it is, its digest and size, and whether this commit created it. */
public record StoredObject(StorageArea area, String key, String sha256, long size, boolean created) {
}
