package io.delineo.interop.deid;

import io.delineo.dicom.Code;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomDictionary;
import io.delineo.dicom.DictionaryEntry;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Sequence;
import io.delineo.dicom.Tag;
import io.delineo.dicom.Tags;
import io.delineo.dicom.TransferSyntax;
import io.delineo.dicom.VR;
import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.io.DicomWriter;
import io.delineo.imaging.BitMask;
import io.delineo.interop.common.DerivedSeriesInfo;
import io.delineo.interop.common.DicomTags;
import io.delineo.interop.common.InteropTestSupport;
import io.delineo.interop.common.SourceSeries;
import io.delineo.interop.common.TestMasks;
import io.delineo.interop.seg.SegReader;
import io.delineo.interop.seg.SegWriter;
import io.delineo.interop.seg.SegmentSpec;
import io.delineo.interop.seg.Segmentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Attribute-by-attribute checks of the Basic Profile and its two options on the real demo CT headers. */
class DeidentifierTest {
    static final byte[] KEY = "delineo-test-key-0123456789".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path tmp;

    static Dataset demoSlice() {
        return DicomReader.read(InteropTestSupport.demoCt().resolve("1-001.dcm")).dataset();
    }

    static int tag(String keyword) {
        return DicomDictionary.standard().tagOf(keyword);
    }

    static List<String> codes(Dataset ds) {
        List<String> out = new ArrayList<>();
        for (Dataset item : ds.getSequence(DicomTags.DeidentificationMethodCodeSequence)) out.add(Code.of(item).value());
        return out;
    }

    @Test
    void tableIsPs315TableE11AsTranscribed() {
        ConfidentialityProfile p = ConfidentialityProfile.standard();
        assertThat(p.entries()).hasSize(459);
        // the transcription is checked tag by tag against the PS3.6 names in our dictionary (pydicom's)
        Set<String> knownNameDifferences = Set.of("001811BB", "300A067C", "300A067D"); // case / pydicom spelling
        List<String> mismatches = new ArrayList<>();
        for (ConfidentialityProfile.Entry e : p.entries()) {
            if (e.mask() != 0xFFFFFFFF) continue;
            DictionaryEntry d = DicomDictionary.standard().entry(e.tag());
            if (d == null || !d.name().equals(e.name()) && !knownNameDifferences.contains(Tag.toHex(e.tag()))) {
                mismatches.add(Tag.toString(e.tag()) + " " + e.name() + " vs " + (d == null ? "unknown" : d.name()));
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(p.entry(Tags.PatientName).basic()).isEqualTo(ProfileAction.Z);
        assertThat(p.entry(0x60023000).name()).isEqualTo("Overlay Data");
        assertThat(p.entry(0x50041234).name()).isEqualTo("Curve Data");
        assertThat(p.entry(Tags.StudyDate).options()).containsEntry(ProfileOption.RETAIN_LONGITUDINAL_FULL_DATES, ProfileAction.K);
        assertThat(p.entry(Tags.Modality)).isNull();
        long u = p.entries().stream().filter(e -> e.basic() == ProfileAction.U).count();
        long cleanDesc = p.entries().stream().filter(e -> e.options().containsKey(ProfileOption.CLEAN_DESCRIPTORS)).count();
        System.out.println("PS3.15 E.1-1 rows: " + p.entries().size() + " (U " + u + ", Clean Descriptors " + cleanDesc + ")");
    }

    @Test
    void basicProfileOnTheDemoCt() {
        Dataset src = demoSlice();
        InMemoryUidMapper uids = new InMemoryUidMapper(KEY);
        Dataset out = new Deidentifier(ConfidentialityProfile.standard(), uids, DeidOptions.basic()).deidentify(src);
        // Z: present, empty
        for (int t : new int[]{Tags.PatientName, Tags.PatientID, Tags.PatientBirthDate, Tags.PatientSex, Tags.StudyDate,
                Tags.StudyTime, Tags.AccessionNumber, Tags.StudyID, Tags.ReferringPhysicianName}) {
            assertThat(out.contains(t)).as(Tag.toString(t)).isTrue();
            assertThat(out.getString(t)).as(Tag.toString(t)).isNull();
        }
        // X: removed
        for (int t : new int[]{Tags.StudyDescription, Tags.SeriesDescription, tag("ImageComments")}) {
            assertThat(out.contains(t)).as(Tag.toString(t)).isFalse();
        }
        // compound: X/Z -> Z, X/D and Z/D and X/Z/D -> D
        assertThat(out.contains(tag("AcquisitionDate"))).isTrue();
        assertThat(out.getString(tag("AcquisitionDate"))).isNull();
        assertThat(out.getString(Tags.SeriesDate)).isEqualTo("19000101");
        assertThat(out.getString(Tags.ContentDate)).isEqualTo("19000101");
        assertThat(out.getString(Tags.ContentTime)).isEqualTo("000000");
        assertThat(out.getString(DicomTags.DeviceSerialNumber)).isEqualTo("ANONYMIZED");
        // private group 0013 (CTP) removed with its creator
        assertThat(out.attributes()).noneMatch(a -> Tag.isPrivate(a.tag()));
        assertThat(src.contains(0x00130010)).isTrue();
        // U: replaced consistently, SOP Class kept
        for (int t : new int[]{Tags.SOPInstanceUID, Tags.StudyInstanceUID, Tags.SeriesInstanceUID, Tags.FrameOfReferenceUID}) {
            assertThat(out.getString(t)).isEqualTo(uids.map(src.getString(t))).isNotEqualTo(src.getString(t)).startsWith("2.25.");
        }
        assertThat(out.getString(Tags.SOPClassUID)).isEqualTo(src.getString(Tags.SOPClassUID));
        // not in the table: kept
        for (int t : new int[]{Tags.Modality, Tags.Manufacturer, Tags.ImagePositionPatient, Tags.PixelSpacing,
                Tags.InstanceCreationDate, tag("KVP"), tag("BodyPartExamined")}) {
            assertThat(out.getString(t)).as(Tag.toString(t)).isEqualTo(src.getString(t));
        }
        assertThat(out.getBytes(Tags.PixelData)).isEqualTo(src.getBytes(Tags.PixelData));
        // identity and method
        assertThat(out.getString(DicomTags.PatientIdentityRemoved)).isEqualTo("YES");
        assertThat(out.getStrings(DicomTags.DeidentificationMethod)).contains(Deidentifier.METHOD_TEXT);
        assertThat(codes(out)).contains("113100").containsAll(codes(src)); // TCIA's earlier codes are kept
        assertThat(out.getString(tag("LongitudinalTemporalInformationModified"))).isEqualTo("REMOVED");
        // the source is untouched
        assertThat(src.getString(Tags.PatientName)).isEqualTo("Pancreas-CT-CB_001");
    }

    @Test
    void fullDatesOptionKeepsEveryDateAndTime() {
        Dataset src = demoSlice();
        DeidOptions opts = new DeidOptions(true, false, null, "Case 001", "DL-001");
        Dataset out = new Deidentifier(ConfidentialityProfile.standard(), new InMemoryUidMapper(KEY), opts).deidentify(src);
        for (String k : new String[]{"StudyDate", "StudyTime", "SeriesDate", "SeriesTime", "AcquisitionDate",
                "AcquisitionTime", "ContentDate", "ContentTime"}) {
            assertThat(out.getString(tag(k))).as(k).isEqualTo(src.getString(tag(k))).isNotNull();
        }
        assertThat(out.getString(Tags.PatientBirthDate)).isNull(); // not a longitudinal date: still Z
        assertThat(out.getString(Tags.PatientName)).isEqualTo("Case 001");
        assertThat(out.getString(Tags.PatientID)).isEqualTo("DL-001");
        assertThat(codes(out)).contains("113100", "113106");
        // TCIA had already shifted this patient's dates (MODIFIED): keeping them must not claim UNMODIFIED
        assertThat(src.getString(tag("LongitudinalTemporalInformationModified"))).isEqualTo("MODIFIED");
        assertThat(out.getString(tag("LongitudinalTemporalInformationModified"))).isEqualTo("MODIFIED");
        src.remove(tag("LongitudinalTemporalInformationModified"));
        Dataset fresh = new Deidentifier(ConfidentialityProfile.standard(), new InMemoryUidMapper(KEY), opts).deidentify(src);
        assertThat(fresh.getString(tag("LongitudinalTemporalInformationModified"))).isEqualTo("UNMODIFIED");
    }

    @Test
    void cleanDescriptorsKeepsOnlyWhatTheCleanerVouchesFor() {
        Dataset src = demoSlice();
        DescriptorCleaner cleaner = DescriptorCleaner.allowList(Set.of("pancreas", "di", "idose"));
        DeidOptions opts = new DeidOptions(false, true, cleaner, null, null);
        Dataset out = new Deidentifier(ConfidentialityProfile.standard(), new InMemoryUidMapper(KEY), opts).deidentify(src);
        assertThat(out.getString(Tags.SeriesDescription)).isEqualTo("PANCREAS DI, iDose (3)");
        assertThat(out.getString(Tags.StudyDescription)).isEqualTo("PANCREAS");
        assertThat(out.getString(tag("ImageComments"))).isEqualTo("PANCREAS DI");
        assertThat(codes(out)).contains("113105");
        // a descriptor with a word outside the vocabulary, or a long number, falls back to the Basic Profile
        assertThat(cleaner.clean(0, "PANCREAS Smith")).isNull();
        assertThat(cleaner.clean(0, "PANCREAS 20120706")).isNull();
        Dataset strict = new Deidentifier(ConfidentialityProfile.standard(), new InMemoryUidMapper(KEY),
                new DeidOptions(false, true, DescriptorCleaner.REMOVE_ALL, null, null)).deidentify(src);
        assertThat(strict.contains(Tags.SeriesDescription)).isFalse();
    }

    @Test
    void nestedAttributesFollowTheTableAtAnyDepth() {
        Dataset src = new Dataset();
        src.setString(Tags.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        src.setString(Tags.SOPInstanceUID, VR.UI, "1.2.3.4.5");
        Dataset observer = src.newSequence(tag("VerifyingObserverSequence")).addItem();
        observer.setString(tag("VerifyingObserverName"), VR.PN, "Doe^Jane");
        observer.setString(tag("VerificationDateTime"), VR.DT, "20120706101010");
        src.newSequence(tag("OtherPatientIDsSequence")).addItem().setString(Tags.PatientID, VR.LO, "123");
        Dataset ref = src.newSequence(tag("ReferencedImageSequence")).addItem();
        ref.setString(Tags.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ref.setString(Tags.ReferencedSOPInstanceUID, VR.UI, "1.2.3.4.6");
        Dataset code = src.newSequence(tag("AnatomicRegionSequence")).addItem();
        new Code("15776009", "SCT", "Pancreas").addTo(code.newSequence(tag("AnatomicRegionModifierSequence")));
        code.setString(Tags.CodeValue, VR.SH, "15776009");
        src.setString(0x00091010, VR.LO, "private");
        InMemoryUidMapper uids = new InMemoryUidMapper(KEY);
        Dataset out = new Deidentifier(ConfidentialityProfile.standard(), uids, DeidOptions.basic()).deidentify(src);
        Dataset outObserver = out.getItem(tag("VerifyingObserverSequence"));
        assertThat(outObserver.getString(tag("VerifyingObserverName"))).isEqualTo("Anonymized");
        assertThat(outObserver.getString(tag("VerificationDateTime"))).isEqualTo("20120706101010"); // not listed
        assertThat(out.contains(tag("OtherPatientIDsSequence"))).isFalse();
        Dataset outRef = out.getItem(tag("ReferencedImageSequence"));
        assertThat(outRef.getString(Tags.ReferencedSOPInstanceUID)).isEqualTo(uids.map("1.2.3.4.6"));
        assertThat(outRef.getString(Tags.ReferencedSOPClassUID)).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
        assertThat(out.getItem(tag("AnatomicRegionSequence")).getString(Tags.CodeValue)).isEqualTo("15776009");
        assertThat(out.contains(0x00091010)).isFalse();
        assertThat(out.getString(Tags.SOPInstanceUID)).isEqualTo(uids.map("1.2.3.4.5"));
    }

    /**
     * The whole demo series plus a SEG on it, de-identified with one mapper: the series still forms one volume,
     * the SEG still reads onto it with identical masks, the output is deterministic, and dciodvfy finds no error
     * that the original did not have.
     */
    @Test
    void seriesAndSegStayConsistentAndValid() throws Exception {
        List<Dataset> ct = new ArrayList<>();
        try (var files = Files.list(InteropTestSupport.demoCt())) {
            for (Path f : files.filter(f -> f.toString().endsWith(".dcm")).sorted().toList()) {
                ct.add(DicomReader.read(f).dataset());
            }
        }
        SourceSeries series = SourceSeries.of(ct);
        BitMask lesion = TestMasks.ellipsoid(series.grid(), 260, 250, 40, 12, 9, 3, 0);
        Dataset seg = SegWriter.write(List.of(SegmentSpec.manualLesion("pNET", lesion, null)), series,
                DerivedSeriesInfo.of("Reader 1", 900, "Reader^One"));

        Deidentifier deid = new Deidentifier(ConfidentialityProfile.standard(), new InMemoryUidMapper(KEY),
                new DeidOptions(true, false, null, "Case 001", "DL-001"));
        List<Dataset> ctOut = ct.stream().map(deid::deidentify).toList();
        Dataset segOut = deid.deidentify(seg);
        SourceSeries seriesOut = SourceSeries.of(ctOut);
        assertThat(seriesOut.grid().sameGeometry(series.grid(), 0)).isTrue();
        assertThat(seriesOut.studyInstanceUid()).isNotEqualTo(series.studyInstanceUid());
        Set<String> sops = new HashSet<>();
        for (Dataset d : ctOut) sops.add(d.getString(Tags.SOPInstanceUID));
        assertThat(sops).hasSize(79);
        Segmentation read = SegReader.read(DicomFile.of(segOut, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), seriesOut);
        assertThat(read.segment(1).mask()).isEqualTo(lesion);
        assertThat(segOut.getString(io.delineo.interop.common.DicomTags.ContentCreatorName)).isEqualTo("Anonymized");

        // deterministic: a fresh mapper with the same key gives byte-identical files
        Deidentifier again = new Deidentifier(ConfidentialityProfile.standard(), new InMemoryUidMapper(KEY),
                new DeidOptions(true, false, null, "Case 001", "DL-001"));
        assertThat(DicomWriter.toBytes(DicomFile.of(again.deidentify(ct.get(5)), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)))
                .isEqualTo(DicomWriter.toBytes(DicomFile.of(ctOut.get(5), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)));

        Path original = InteropTestSupport.demoCt().resolve("1-001.dcm");
        Path ctFile = InteropTestSupport.write(deid.deidentify(DicomReader.read(original).dataset()), tmp.resolve("ct.dcm"));
        List<String> newErrors = new ArrayList<>(InteropTestSupport.dciodvfy(ctFile).errors());
        newErrors.removeAll(InteropTestSupport.dciodvfy(original).errors());
        InteropTestSupport.Validation segValidation = InteropTestSupport.dciodvfy(InteropTestSupport.write(segOut, tmp.resolve("seg.dcm")));
        System.out.println("dciodvfy de-identified CT: new errors " + newErrors + "; SEG errors " + segValidation.errors()
                + ", warnings " + segValidation.warnings());
        assertThat(newErrors).isEmpty();
        assertThat(segValidation.errors()).isEmpty();
        String py = InteropTestSupport.pydicom("import sys, pydicom\nd = pydicom.dcmread(sys.argv[1])\n"
                + "print(d.PatientIdentityRemoved, d.PatientName, len(d.DeidentificationMethodCodeSequence))", ctFile.toString());
        assertThat(py.trim()).isEqualTo("YES Case 001 " + codes(ctOut.get(0)).size());
        assertThat(Arrays.asList(ctOut.get(0).getStrings(DicomTags.DeidentificationMethod))).hasSize(2);
    }
}
