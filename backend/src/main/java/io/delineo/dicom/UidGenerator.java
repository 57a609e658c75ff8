package io.delineo.dicom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;

/** Creates UIDs under the 2.25 root from random UUIDs (PS3.5 B.2): "2.25." + the UUID as an unsigned decimal. */
public final class UidGenerator {
    private UidGenerator() {
    }

    public static String newUid() {
        return fromUuid(UUID.randomUUID());
    }

    public static String fromUuid(UUID uuid) {
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits());
        bytes.putLong(uuid.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, bytes.array());
    }

    /** Checks PS3.5 9.1: components of digits without leading zeros, separated by dots, at most 64 characters. */
    public static boolean isValid(String uid) {
        if (uid == null || uid.isEmpty() || uid.length() > 64) {
            return false;
        }
        for (String component : uid.split("\\.", -1)) {
            if (component.isEmpty() || !component.chars().allMatch(c -> c >= '0' && c <= '9')
                    || component.length() > 1 && component.charAt(0) == '0') {
                return false;
            }
        }
        return true;
    }
}
