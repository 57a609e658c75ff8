package io.delineo.platform;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Contours are thousands of doubles in patient mm; with the JDK's conversions a contour save spent about half its CPU
 * parsing and printing them (JFR, 20 concurrent readers). Jackson's fast parser and writer are exact and give the
 * shortest representation that reads back to the same double, so stored values are unchanged.
 */
@Singleton
public class JsonNumbers implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature());
        mapper.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());
    }
}
