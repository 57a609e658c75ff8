package io.delineo.interop.nifti;

import io.delineo.imaging.ImageGrid;
import io.delineo.imaging.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NiftiReaderWriterTest {
    @TempDir
    Path tmp;

    static Volume oblique() {
        double c = Math.cos(0.3), s = Math.sin(0.3);
        ImageGrid g = new ImageGrid(5, 4, 3, new double[]{-10.5, 20.25, 33}, new double[]{c, s, 0},
                new double[]{-s, c, 0}, new double[]{0, 0, 1}, 0.8, 0.9, 2.5);
        float[] v = new float[g.size()];
        for (int i = 0; i < v.length; i++) v[i] = i * 1.5f - 7;
        return new Volume(g, v);
    }

    @Test
    void roundTripKeepsGeometryAndValues() throws Exception {
        Volume v = oblique();
        for (String name : new String[]{"a.nii", "b.nii.gz"}) {
            Path p = tmp.resolve(name);
            NiftiWriter.write(v, NiftiDatatype.FLOAT32, p);
            NiftiImage back = NiftiReader.read(p);
            assertThat(back.geometrySource()).isEqualTo("sform");
            assertThat(back.volume().grid().sameGeometry(v.grid(), 1e-4)).isTrue();
            assertThat(back.volume().data()).containsExactly(v.data());
        }
    }

    @Test
    void qformIsUsedWhenThereIsNoSformAndMatchesIt() throws Exception {
        Volume v = oblique();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NiftiWriter.write(v, NiftiDatatype.INT16, bytes);
        byte[] b = bytes.toByteArray();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(254, (short) 0); // sform_code = 0
        NiftiImage q = NiftiReader.read(new ByteArrayInputStream(b), "mem");
        assertThat(q.geometrySource()).isEqualTo("qform");
        assertThat(q.volume().grid().sameGeometry(v.grid(), 1e-4)).isTrue();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(252, (short) 0); // no qform either
        NiftiImage p = NiftiReader.read(new ByteArrayInputStream(b), "mem");
        assertThat(p.geometrySource()).isEqualTo("pixdim");
        assertThat(p.volume().grid().sx()).isCloseTo(0.8, within(1e-6));
        // int16 storage rounds the values
        assertThat(q.volume().data()[3]).isEqualTo(Math.round(3 * 1.5f - 7));
    }

    @Test
    void rasIsConvertedToLpsAndScalingApplied() throws Exception {
        // hand-built header: identity RAS sform with origin (10, 20, 30); LPS origin must be (-10, -20, 30)
        ByteBuffer h = ByteBuffer.allocate(352 + 2 * 2 * 2 * 2).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, 348);
        short[] dim = {3, 2, 2, 2, 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) h.putShort(40 + 2 * i, dim[i]);
        h.putShort(70, (short) 4);
        h.putShort(72, (short) 16);
        for (int i = 1; i <= 3; i++) h.putFloat(76 + 4 * i, 1f);
        h.putFloat(108, 352f);
        h.putFloat(112, 2f); // scl_slope
        h.putFloat(116, -1000f); // scl_inter
        h.putShort(254, (short) 1);
        float[][] srow = {{1, 0, 0, 10}, {0, 1, 0, 20}, {0, 0, 1, 30}};
        for (int r = 0; r < 3; r++) for (int c = 0; c < 4; c++) h.putFloat(280 + 16 * r + 4 * c, srow[r][c]);
        h.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
        for (int i = 0; i < 8; i++) h.putShort(352 + 2 * i, (short) (i * 100));
        NiftiImage img = NiftiReader.read(new ByteArrayInputStream(h.array()), "mem");
        ImageGrid g = img.volume().grid();
        assertThat(g.origin()).containsExactly(new double[]{-10, -20, 30}, within(1e-9));
        assertThat(g.rowDir()).containsExactly(new double[]{-1, 0, 0}, within(1e-9));
        assertThat(g.colDir()).containsExactly(new double[]{0, -1, 0}, within(1e-9));
        assertThat(img.volume().data()[3]).isEqualTo(300 * 2f - 1000f);
    }

    @Test
    void readsTheIbsiPhantom() throws Exception {
        Path p = Path.of(getClass().getResource("/radiomics/ibsi1-digital-phantom/image.nii.gz").toURI());
        NiftiImage img = NiftiReader.read(p);
        assertThat(img.storedType()).isEqualTo(NiftiDatatype.INT16);
        ImageGrid g = img.volume().grid();
        assertThat(new int[]{g.nx(), g.ny(), g.nz()}).containsExactly(5, 4, 4);
        assertThat(g.sx()).isEqualTo(2.0);
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float f : img.volume().data()) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        assertThat(min).isEqualTo(1f);
        assertThat(max).isEqualTo(9f);
    }

    @Test
    void clearErrors() throws Exception {
        Path junk = tmp.resolve("junk.nii");
        Files.write(junk, new byte[10]);
        assertThatThrownBy(() -> NiftiReader.read(junk)).isInstanceOf(NiftiFormatException.class)
                .hasMessageContaining("too short");
        Path notNifti = tmp.resolve("x.nii");
        Files.write(notNifti, new byte[400]);
        assertThatThrownBy(() -> NiftiReader.read(notNifti)).hasMessageContaining("not a NIfTI-1 file");
        Path truncated = tmp.resolve("t.nii");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NiftiWriter.write(oblique(), NiftiDatatype.FLOAT32, bytes);
        byte[] b = bytes.toByteArray();
        Files.write(truncated, java.util.Arrays.copyOf(b, b.length - 10));
        assertThatThrownBy(() -> NiftiReader.read(truncated)).hasMessageContaining("truncated");
        assertThatThrownBy(() -> NiftiReader.read(tmp.resolve("missing.nii"))).hasMessageContaining("no such NIfTI file");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(70, (short) 32); // complex64
        assertThatThrownBy(() -> NiftiReader.read(new ByteArrayInputStream(b), "c")).hasMessageContaining("datatype code 32");
    }
}
