package io.delineo.audit;

/**
 * Checks links of the chain one event at a time, in sequence order (plain Java: the verifier and the checkpoint
 * writer feed it rows). Unkeyed SHA-256 links are accepted only before the keyed chain started: once a keyed event
 * has been seen, or from the {@code keyedFrom} a signed checkpoint names, an unkeyed link is a rewrite by someone
 * without the key.
 */
final class ChainCheck {
    record Row(AuditRecord record, String prevHash, String hash, String chainAlg, String keyId) {
    }

    record Break(long seq, String reason) {
    }

    private final AuditKey key;
    private final Long keyedFrom;
    private long expectedSeq;
    private String previousHash;
    private Long firstKeyed;

    /** Starts after event {@code afterSeq} (0 for the beginning) whose hash is {@code afterHash}. */
    ChainCheck(AuditKey key, long afterSeq, String afterHash, Long keyedFrom) {
        this.key = key;
        this.keyedFrom = keyedFrom;
        this.expectedSeq = afterSeq + 1;
        this.previousHash = afterSeq == 0 ? AuditHashChain.GENESIS : afterHash;
        if (keyedFrom != null && keyedFrom <= afterSeq) firstKeyed = keyedFrom;
    }

    /** Null when the event links on correctly, else where and why the chain breaks. */
    Break accept(Row row) {
        long seq = row.record().seq();
        if (seq != expectedSeq) {
            return new Break(expectedSeq, "event " + expectedSeq + " is missing (the next one stored is " + seq + ")");
        }
        if (!previousHash.equals(row.prevHash())) {
            return new Break(seq, "event " + seq + " does not link to the event before it");
        }
        if (AuditHashChain.HMAC_SHA256.equals(row.chainAlg())) {
            if (!key.id().equals(row.keyId())) {
                return new Break(seq, "event " + seq + " claims audit key " + row.keyId() + ", not the configured key "
                        + key.id());
            }
            if (!AuditHashChain.hmac(key, row.record(), row.prevHash()).equals(row.hash())) {
                return new Break(seq, "event " + seq + " was altered: its HMAC does not match");
            }
            if (firstKeyed == null) firstKeyed = seq;
        } else if (AuditHashChain.SHA256.equals(row.chainAlg())) {
            if (firstKeyed != null || (keyedFrom != null && seq >= keyedFrom)) {
                return new Break(seq, "event " + seq + " has an unkeyed link after the keyed chain started at "
                        + (firstKeyed != null ? firstKeyed : keyedFrom) + ": it was rewritten without the key");
            }
            if (!AuditHashChain.hash(row.record(), row.prevHash()).equals(row.hash())) {
                return new Break(seq, "event " + seq + " was altered: its SHA-256 does not match");
            }
        } else {
            return new Break(seq, "event " + seq + " names an unknown chain algorithm");
        }
        previousHash = row.hash();
        expectedSeq = seq + 1;
        return null;
    }

    long lastSeq() {
        return expectedSeq - 1;
    }

    String lastHash() {
        return previousHash;
    }

    /** The first keyed event seen (or named by the checkpoint this check started from). */
    Long firstKeyed() {
        return firstKeyed;
    }
}
