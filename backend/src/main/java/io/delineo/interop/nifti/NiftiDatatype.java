package io.delineo.interop.nifti;

/** NIfTI-1 voxel datatypes we read (codes from the NIfTI-1 header definition). */
public enum NiftiDatatype {
    UINT8(2, 1), INT16(4, 2), INT32(8, 4), FLOAT32(16, 4), FLOAT64(64, 8), INT8(256, 1), UINT16(512, 2),
    UINT32(768, 4);

    private final int code;
    private final int bytes;

    NiftiDatatype(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    public int code() { return code; }

    public int bytes() { return bytes; }

    static NiftiDatatype of(int code) throws NiftiFormatException {
        for (NiftiDatatype d : values()) if (d.code == code) return d;
        throw new NiftiFormatException("unsupported NIfTI datatype code " + code
                + " (supported: uint8, int8, int16, uint16, int32, uint32, float32, float64)");
    }
}
