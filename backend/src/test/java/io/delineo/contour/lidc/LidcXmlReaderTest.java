package io.delineo.contour.lidc;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values read off the XML files by eye / with xmllint-like inspection. */
class LidcXmlReaderTest {
    @Test
    void readsTheFourReadingSessionsOfCase1() {
        LidcReadMessage m = LidcFixtures.message(LidcFixtures.CASE_1);
        assertThat(m.seriesInstanceUid()).isEqualTo("1.3.6.1.4.1.14519.5.2.1.6279.6001.179049373636438705059720603192");
        assertThat(m.studyInstanceUid()).isEqualTo("1.3.6.1.4.1.14519.5.2.1.6279.6001.298806137288633453246975630178");
        assertThat(m.sessions()).hasSize(4);
        assertThat(m.sessions()).extracting(s -> s.nodules().size()).containsExactly(4, 1, 4, 4);
        assertThat(m.sessions()).extracting(s -> s.nonNodules().size()).containsExactly(4, 1, 8, 0);
        assertThat(m.sessions().get(0).servicingRadiologistId()).isEqualTo("540461523");
        assertThat(m.sessions().get(0).annotationVersion()).isEqualTo("3.12");

        LidcNodule first = m.sessions().get(0).nodules().get(0);
        assertThat(first.noduleId()).isEqualTo("Nodule 001");
        assertThat(first.characteristics()).containsEntry("subtlety", 5).containsEntry("malignancy", 5)
                .containsEntry("calcification", 6).hasSize(9);
        assertThat(first.isContoured()).isTrue();
        assertThat(first.rois()).hasSize(8);
        LidcRoi roi = first.rois().get(0);
        assertThat(roi.imageSopInstanceUid()).isEqualTo("1.3.6.1.4.1.14519.5.2.1.6279.6001.110383487652933113465768208719");
        assertThat(roi.imageZPosition()).isEqualTo(-125.0);
        assertThat(roi.inclusion()).isTrue();
        assertThat(roi.pointCount()).isEqualTo(76);
        assertThat(roi.columns()[0]).isEqualTo(312);
        assertThat(roi.rows()[0]).isEqualTo(355);
        assertThat(roi.columns()[2]).isEqualTo(310);
        assertThat(roi.rows()[2]).isEqualTo(357);
        assertThat(roi.distinctVertexCount()).isEqualTo(75); // the edge map repeats its first point at the end

        LidcNodule small = m.sessions().get(0).nodules().get(1);
        assertThat(small.rois()).hasSize(1);
        assertThat(small.rois().get(0).isPolygon()).isFalse();
        assertThat(small.isContoured()).isFalse();
        assertThat(m.sessions()).extracting(s -> s.nodules().stream().filter(LidcNodule::isContoured).count())
                .containsExactly(1L, 1L, 1L, 1L);
    }

    @Test
    void readsExclusionRois() {
        LidcReadMessage m = LidcFixtures.message(LidcFixtures.CASE_2);
        long holes = m.sessions().stream().flatMap(s -> s.nodules().stream()).flatMap(n -> n.rois().stream())
                .filter(r -> !r.inclusion()).count();
        assertThat(holes).isEqualTo(2);
    }

    private static LidcReadMessage parse(String xml) throws Exception {
        return LidcXmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml");
    }

    @Test
    void worksWithoutTheNamespaceToo() throws Exception {
        LidcReadMessage m = parse("<LidcReadMessage><readingSession><unblindedReadNodule><noduleID>7</noduleID>"
                + "<roi><imageZposition>1.5</imageZposition><imageSOP_UID>1.2.3</imageSOP_UID><inclusion>FALSE</inclusion>"
                + "<edgeMap><xCoord>1</xCoord><yCoord>2</yCoord></edgeMap></roi></unblindedReadNodule></readingSession>"
                + "</LidcReadMessage>");
        LidcRoi roi = m.sessions().get(0).nodules().get(0).rois().get(0);
        assertThat(roi.inclusion()).isFalse();
        assertThat(roi.imageZPosition()).isEqualTo(1.5);
        assertThat(m.seriesInstanceUid()).isNull();
    }

    @Test
    void rejectsBadFilesWithMessagesThatSayWhere() {
        assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<LidcReadMessage>&e;</LidcReadMessage>")).isInstanceOf(LidcFormatException.class)
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> parse("<Other/>")).isInstanceOf(LidcFormatException.class)
                .hasMessageContaining("expected <LidcReadMessage>");
        assertThatThrownBy(() -> parse("<LidcReadMessage><readingSession>")).isInstanceOf(LidcFormatException.class)
                .hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> parse("<LidcReadMessage><readingSession><unblindedReadNodule><noduleID>N9</noduleID>"
                + "<roi><inclusion>TRUE</inclusion><edgeMap><xCoord>1</xCoord><yCoord>2</yCoord></edgeMap></roi>"
                + "</unblindedReadNodule></readingSession></LidcReadMessage>"))
                .isInstanceOf(LidcFormatException.class).hasMessageContaining("nodule N9").hasMessageContaining("imageSOP_UID");
        assertThatThrownBy(() -> parse("<LidcReadMessage><readingSession><unblindedReadNodule><noduleID>N9</noduleID>"
                + "<roi><imageSOP_UID>1.2</imageSOP_UID><inclusion>YES</inclusion></roi>"
                + "</unblindedReadNodule></readingSession></LidcReadMessage>"))
                .isInstanceOf(LidcFormatException.class).hasMessageContaining("TRUE or FALSE");
        assertThatThrownBy(() -> parse("<LidcReadMessage><readingSession><unblindedReadNodule><noduleID>N9</noduleID>"
                + "<roi><imageSOP_UID>1.2</imageSOP_UID><inclusion>TRUE</inclusion><edgeMap><xCoord>a</xCoord>"
                + "<yCoord>2</yCoord></edgeMap></roi></unblindedReadNodule></readingSession></LidcReadMessage>"))
                .isInstanceOf(LidcFormatException.class).hasMessageContaining("'a' is not a number");
    }
}
