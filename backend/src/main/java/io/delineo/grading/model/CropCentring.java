package io.delineo.grading.model;

/** Where the image crop is centred. */
public enum CropCentring {
    /** Centre of the ROI's voxel bounding box (index space of the mask grid, mapped to patient mm). */
    ROI_BBOX_CENTRE("roi-bbox-centre"),
    /** Mean position of the ROI voxels. */
    ROI_CENTROID("roi-centroid");

    private final String json;

    CropCentring(String json) { this.json = json; }

    public String json() { return json; }

    public static CropCentring parse(String s) {
        for (CropCentring c : values()) if (c.json.equals(s)) return c;
        throw new ModelCardException("\"input.centring\" must be \"roi-bbox-centre\" or \"roi-centroid\", got \"" + s + '"');
    }
}
