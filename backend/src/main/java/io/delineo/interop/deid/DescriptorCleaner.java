package io.delineo.interop.deid;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Cleans" a free-text descriptor under the Clean Descriptors Option: returns the value to keep, or null when it
 * cannot be shown to be free of identifying information, in which case the attribute gets its Basic Profile action
 * (removed, emptied or dummied).
 */
@FunctionalInterface
public interface DescriptorCleaner {
    String clean(int tag, String value);

    /** Cleans nothing: every descriptor falls back to the Basic Profile. */
    DescriptorCleaner REMOVE_ALL = (tag, value) -> null;

    /**
     * Keeps a value only when every word of it is in the vocabulary (case-insensitive) and every number in it has
     * at most three digits (so dates, times, IDs and phone numbers never pass). Words are runs of letters or digits.
     */
    static DescriptorCleaner allowList(Set<String> vocabulary) {
        Set<String> words = vocabulary.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        return (tag, value) -> {
            if (value == null || value.isBlank()) return value;
            for (String token : value.split("[^\\p{L}\\p{N}]+")) {
                if (token.isEmpty()) continue;
                boolean number = token.chars().allMatch(Character::isDigit);
                if (number ? token.length() > 3 : !words.contains(token.toLowerCase(Locale.ROOT))) return null;
            }
            return value;
        };
    }
}
