package io.delineo.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The link rules without a database: old SHA-256 events, then HMAC events; what an owner without the key can't fake. */
class ChainCheckTest {
    static final AuditKey KEY = new AuditKey("chain-check-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    static AuditRecord event(long seq, String user) {
        return new AuditRecord(seq, Instant.parse("2026-12-01T10:00:00Z").plusSeconds(seq), "id-" + user, user,
                "pi", "PROBE", "probe", "r" + seq, AuditOutcome.SUCCESS, null, null, "{}");
    }

    /** {@code unkeyed} SHA-256 events followed by {@code keyed} HMAC events, as an upgraded trail has them. */
    static List<ChainCheck.Row> trail(int unkeyed, int keyed) {
        List<ChainCheck.Row> rows = new ArrayList<>();
        String prev = AuditHashChain.GENESIS;
        for (int i = 1; i <= unkeyed + keyed; i++) {
            AuditRecord r = event(i, "user" + i);
            boolean isKeyed = i > unkeyed;
            String hash = isKeyed ? AuditHashChain.hmac(KEY, r, prev) : AuditHashChain.hash(r, prev);
            rows.add(new ChainCheck.Row(r, prev, hash, isKeyed ? AuditHashChain.HMAC_SHA256 : AuditHashChain.SHA256,
                    isKeyed ? KEY.id() : null));
            prev = hash;
        }
        return rows;
    }

    static ChainCheck.Break check(List<ChainCheck.Row> rows, Long keyedFrom) {
        ChainCheck c = new ChainCheck(KEY, 0, AuditHashChain.GENESIS, keyedFrom);
        for (ChainCheck.Row r : rows) {
            ChainCheck.Break b = c.accept(r);
            if (b != null) return b;
        }
        return null;
    }

    @Test
    void oldUnkeyedEventsThenKeyedOnesVerify() {
        List<ChainCheck.Row> rows = trail(3, 4);
        ChainCheck c = new ChainCheck(KEY, 0, AuditHashChain.GENESIS, null);
        for (ChainCheck.Row r : rows) assertThat(c.accept(r)).isNull();
        assertThat(c.firstKeyed()).isEqualTo(4);
        assertThat(c.lastSeq()).isEqualTo(7);
        assertThat(check(rows, 4L)).isNull();
    }

    @Test
    void anUnkeyedLinkAfterTheKeyedStartIsARewrite() {
        List<ChainCheck.Row> rows = trail(3, 4);
        // rewrite events 5.. as unkeyed SHA-256, consistently linked: no key needed for that
        String prev = rows.get(3).hash();
        for (int i = 4; i < rows.size(); i++) {
            AuditRecord r = rows.get(i).record();
            String hash = AuditHashChain.hash(r, prev);
            rows.set(i, new ChainCheck.Row(r, prev, hash, AuditHashChain.SHA256, null));
            prev = hash;
        }
        assertThat(check(rows, null).seq()).isEqualTo(5);
        // and from the start of the keyed chain: only a checkpoint outside the database still knows where it began
        List<ChainCheck.Row> all = trail(7, 0);
        assertThat(check(all, null)).isNull();
        assertThat(check(all, 4L).seq()).isEqualTo(4);
    }

    @Test
    void aKeyedEventWithAnotherKeyOrAlteredFieldsBreaks() {
        List<ChainCheck.Row> rows = trail(0, 3);
        ChainCheck.Row second = rows.get(1);
        AuditKey other = new AuditKey("another-key-entirely-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        rows.set(1, new ChainCheck.Row(second.record(), second.prevHash(),
                AuditHashChain.hmac(other, second.record(), second.prevHash()), AuditHashChain.HMAC_SHA256, other.id()));
        assertThat(check(rows, null)).satisfies(b -> {
            assertThat(b.seq()).isEqualTo(2);
            assertThat(b.reason()).contains("key");
        });
        List<ChainCheck.Row> altered = trail(0, 3);
        ChainCheck.Row r = altered.get(2);
        AuditRecord mallory = new AuditRecord(3, r.record().time(), "id-mallory", "mallory", "pi", "PROBE", "probe",
                "r3", AuditOutcome.SUCCESS, null, null, "{}");
        altered.set(2, new ChainCheck.Row(mallory, r.prevHash(), r.hash(), r.chainAlg(), r.keyId()));
        assertThat(check(altered, null).seq()).isEqualTo(3);
    }

    @Test
    void aMissingEventIsNamedByItsNumber() {
        List<ChainCheck.Row> rows = trail(0, 5);
        rows.remove(2);
        assertThat(check(rows, null).seq()).isEqualTo(3);
    }

    @Test
    void checkpointsFindADeletedTailAndARewrite() {
        List<ChainCheck.Row> rows = trail(0, 10);
        Checkpoint at4 = new Checkpoint(4, rows.get(3).hash(), Instant.parse("2026-12-01T10:01:00Z"), KEY.id(), 1L);
        Checkpoint at10 = new Checkpoint(10, rows.get(9).hash(), Instant.parse("2026-12-01T10:02:00Z"), KEY.id(), 1L);
        Map<Long, String> seen = Map.of(4L, rows.get(3).hash());
        // the trail now ends at 7
        assertThat(AuditVerifier.againstCheckpoints(List.of(at10, at4), 7, seen).seq()).isEqualTo(8);
        // event 10 is there but is not what was signed: rewritten somewhere after the checkpoint at 4
        Map<Long, String> rewritten = Map.of(4L, rows.get(3).hash(), 10L, "f".repeat(64));
        assertThat(AuditVerifier.againstCheckpoints(List.of(at10, at4), 12, rewritten).seq()).isEqualTo(5);
        Map<Long, String> intact = Map.of(4L, rows.get(3).hash(), 10L, rows.get(9).hash());
        assertThat(AuditVerifier.againstCheckpoints(List.of(at10, at4), 12, intact)).isNull();
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsRefused() {
        Checkpoint cp = new Checkpoint(3, "a".repeat(64), Instant.parse("2026-12-01T10:00:00Z"), KEY.id(), 1L);
        assertThat(Checkpoint.parse(cp.signed(KEY), KEY)).isEqualTo(cp);
        AuditKey other = new AuditKey("another-key-entirely-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Checkpoint.parse(cp.signed(other), KEY))
                .hasMessageContaining("signature");
        byte[] edited = new String(cp.signed(KEY), StandardCharsets.UTF_8).replace("seq=3", "seq=9")
                .getBytes(StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Checkpoint.parse(edited, KEY))
                .hasMessageContaining("signature");
    }
}
