#!/usr/bin/python3
"""Golden voxel counts of the external SEG samples, computed with pydicom (an independent decoder).

For every frame: the source image it names (Derivation Image Sequence > Source Image Sequence), its segment
(Segment Identification; for LABELMAP each pixel value) and the number of pixels set (BINARY: 1; FRACTIONAL:
value >= 0.5 * Maximum Fractional Value; LABELMAP: value == segment number). Summed per (file, segment, source image).

Run once from the repository root with Debian's pydicom 2.3.1:
    /usr/bin/python3 backend/src/test/scripts/interop/make_seg_goldens.py
Output: backend/src/test/resources/interop/seg-goldens.tsv (file, segment, label, source SOP Instance UID, voxels).
"""
import collections
import os
import pydicom

ROOT = "backend/src/test/resources/interop"
FILES = ["dcmqi/liver.dcm", "dcmqi/partial_overlaps.dcm", "dcmqi/23x38x3/seg/label.seg",
         "dcmqi/24x38x3/seg/label.seg", "dcmqi/sparse-labelmap-ppv5.dcm", "dcmqi/sparse-labelmap-noppv.dcm",
         "highdicom/seg_image_ct_binary.dcm", "highdicom/seg_image_ct_binary_overlap.dcm",
         "highdicom/seg_image_ct_binary_fractional.dcm", "highdicom/seg_image_ct_true_fractional.dcm",
         "highdicom/seg_image_ct_binary_single_frame.dcm"]


def item(frame, shared, keyword):
    if keyword in frame:
        return getattr(frame, keyword)[0]
    if shared is not None and keyword in shared:
        return getattr(shared, keyword)[0]
    return None


def main():
    rows = []
    for name in FILES:
        ds = pydicom.dcmread(os.path.join(ROOT, name))
        labels = {int(s.SegmentNumber): s.SegmentLabel for s in ds.SegmentSequence}
        pixels = ds.pixel_array
        frames = int(getattr(ds, "NumberOfFrames", 1))
        if frames == 1:
            pixels = pixels.reshape((1,) + pixels.shape)
        shared = ds.SharedFunctionalGroupsSequence[0] if "SharedFunctionalGroupsSequence" in ds else None
        counts = collections.Counter()
        for f, fg in enumerate(ds.PerFrameFunctionalGroupsSequence):
            derivation = item(fg, shared, "DerivationImageSequence")
            source = derivation.SourceImageSequence[0].ReferencedSOPInstanceUID
            frame = pixels[f]
            if ds.SegmentationType == "LABELMAP":
                for number in labels:
                    if number != 0:
                        counts[(number, source)] += int((frame == number).sum())
                continue
            number = int(item(fg, shared, "SegmentIdentificationSequence").ReferencedSegmentNumber)
            if ds.SegmentationType == "FRACTIONAL":
                maximum = int(ds.MaximumFractionalValue)
                counts[(number, source)] += int(((frame > 0) & (frame >= 0.5 * maximum)).sum())
            else:
                counts[(number, source)] += int((frame > 0).sum())
        for (number, source), n in sorted(counts.items()):
            rows.append(f"{name}\t{number}\t{labels[number]}\t{source}\t{n}")
    with open(os.path.join(ROOT, "seg-goldens.tsv"), "w") as out:
        out.write("# file\tsegment\tlabel\tsource SOP Instance UID\tvoxels  (made by make_seg_goldens.py, pydicom "
                  + pydicom.__version__ + ")\n")
        out.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
