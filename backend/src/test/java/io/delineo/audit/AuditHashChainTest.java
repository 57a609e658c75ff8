package io.delineo.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AuditHashChainTest {
    private static AuditRecord event(long seq, String user, String details) {
        return new AuditRecord(seq, Instant.parse("2026-11-27T10:15:30.123456789Z"), "id-" + user, user, "reader",
                "CONTOUR_SAVE", "read", "42", AuditOutcome.SUCCESS, "req-1", "127.0.0.1", details);
    }

    @Test
    void hashIsSha256HexAndDeterministic() {
        String h = AuditHashChain.hash(event(1, "reader1", "{}"), AuditHashChain.GENESIS);
        assertThat(h).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(AuditHashChain.hash(event(1, "reader1", "{}"), AuditHashChain.GENESIS)).isEqualTo(h);
    }

    @Test
    void everyFieldAndThePreviousHashChangeTheHash() {
        String base = AuditHashChain.hash(event(1, "reader1", "{}"), AuditHashChain.GENESIS);
        assertThat(AuditHashChain.hash(event(2, "reader1", "{}"), AuditHashChain.GENESIS)).isNotEqualTo(base);
        assertThat(AuditHashChain.hash(event(1, "reader2", "{}"), AuditHashChain.GENESIS)).isNotEqualTo(base);
        assertThat(AuditHashChain.hash(event(1, "reader1", "{\"a\":1}"), AuditHashChain.GENESIS)).isNotEqualTo(base);
        assertThat(AuditHashChain.hash(event(1, "reader1", "{}"), "f".repeat(64))).isNotEqualTo(base);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // "ab" + "c" must not hash like "a" + "bc"
        AuditRecord a = new AuditRecord(1, Instant.EPOCH, "ab", "c", "", "x", "t", null, AuditOutcome.SUCCESS, null,
                null, "{}");
        AuditRecord b = new AuditRecord(1, Instant.EPOCH, "a", "bc", "", "x", "t", null, AuditOutcome.SUCCESS, null,
                null, "{}");
        assertThat(AuditHashChain.hash(a, AuditHashChain.GENESIS)).isNotEqualTo(AuditHashChain.hash(b, AuditHashChain.GENESIS));
    }

    @Test
    void nullAndEmptyAreDifferent() {
        AuditRecord withNull = new AuditRecord(1, Instant.EPOCH, "u", "u", "", "x", "t", null, AuditOutcome.SUCCESS,
                null, null, "{}");
        AuditRecord withEmpty = new AuditRecord(1, Instant.EPOCH, "u", "u", "", "x", "t", "", AuditOutcome.SUCCESS,
                null, null, "{}");
        assertThat(AuditHashChain.hash(withNull, AuditHashChain.GENESIS))
                .isNotEqualTo(AuditHashChain.hash(withEmpty, AuditHashChain.GENESIS));
    }

    @Test
    void timeIsStoredAtMicrosecondPrecision() {
        assertThat(event(1, "u", "{}").time()).isEqualTo(Instant.parse("2026-11-27T10:15:30.123456Z"));
    }
}
