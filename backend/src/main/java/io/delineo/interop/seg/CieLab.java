package io.delineo.interop.seg;

/**
 * sRGB (0-255) to the DICOM scaled CIELab of Recommended Display CIELab Value (PS3.3 C.10.7.1.1: L* 0..100 and
 * a*, b* -128..127 mapped linearly onto 0..65535), D65 white point.
 */
public final class CieLab {
    private CieLab() {
    }

    public static int[] fromRgb(int[] rgb) {
        if (rgb == null || rgb.length != 3) throw new IllegalArgumentException("RGB needs three components");
        double r = linear(rgb[0]), g = linear(rgb[1]), b = linear(rgb[2]);
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
        double y = (0.2126729 * r + 0.7151522 * g + 0.0721750 * b);
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
        double fx = f(x), fy = f(y), fz = f(z);
        double l = 116 * fy - 16, a = 500 * (fx - fy), bb = 200 * (fy - fz);
        return new int[]{scale(l / 100.0), scale((a + 128) / 255.0), scale((bb + 128) / 255.0)};
    }

    private static double linear(int c) {
        if (c < 0 || c > 255) throw new IllegalArgumentException("RGB components are 0-255, got " + c);
        double v = c / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static int scale(double unit) {
        return (int) Math.round(Math.max(0, Math.min(1, unit)) * 65535);
    }
}
