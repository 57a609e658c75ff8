package io.delineo.interop.nifti;

import io.delineo.imaging.BitMask;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Reads a NIfTI label map back into one mask per non-zero label, on the grid its affine describes. */
public final class LabelMapReader {
    private LabelMapReader() {
    }

    public static Map<Integer, BitMask> read(Path nifti) throws IOException {
        NiftiImage image = NiftiReader.read(nifti);
        float[] v = image.volume().data();
        Map<Integer, BitMask> out = new TreeMap<>();
        for (int n = 0; n < v.length; n++) {
            if (v[n] == 0) continue;
            if (v[n] != Math.rint(v[n]) || v[n] < 0) {
                throw new NiftiFormatException(nifti + ": voxel " + n + " holds " + v[n] + ", not a label (non-negative integer)");
            }
            out.computeIfAbsent((int) v[n], k -> new BitMask(image.volume().grid())).set(n);
        }
        return out;
    }
}
