package io.delineo.platform;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application's JSON mapper uses the fast number conversions, and they give back every double bit for bit. */
@QuarkusTest
class JsonNumbersTest {
    @Inject
    ObjectMapper json;

    @Test
    void applicationMapperUsesFastConversions() {
        assertTrue(json.isEnabled(JsonParser.Feature.USE_FAST_DOUBLE_PARSER));
        assertTrue(json.getFactory().isEnabled(JsonGenerator.Feature.USE_FAST_DOUBLE_WRITER));
    }

    @Test
    void doublesRoundTripExactly() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        double[] values = new double[20_000];
        double[] edges = {0.1 + 0.2, -0.0, 1e-300, Double.MIN_VALUE, Double.MAX_VALUE, -312.49999999999994, 2.5e-7};
        System.arraycopy(edges, 0, values, 0, edges.length);
        for (int i = edges.length; i < values.length; i++) {
            // patient coordinates in mm, and arbitrary bit patterns
            values[i] = i % 2 == 0 ? (random.nextDouble() - 0.5) * 1000 : Double.longBitsToDouble(random.nextLong() >>> 2);
        }
        double[] back = json.readValue(json.writeValueAsString(values), double[].class);
        assertArrayEquals(values, back);
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(back[i]), "value " + i);
        }
    }
}
