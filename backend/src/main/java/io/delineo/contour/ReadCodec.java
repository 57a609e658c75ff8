package io.delineo.contour;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one translation between {@link ReadContent} and the JSON stored for reads and consensus versions (they share
 * the form). Nothing else in the portal reads or writes that JSON.
 */
@ApplicationScoped
public class ReadCodec {
    @Inject
    ObjectMapper json;

    /** Parses stored content; stored content was validated when saved, so a failure here is a bug, not bad input. */
    public ReadContent decode(String stored) {
        try {
            return json.readValue(stored, ReadContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored contours are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public String encode(ReadContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
