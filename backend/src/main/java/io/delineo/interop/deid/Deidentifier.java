package io.delineo.interop.deid;

import io.delineo.dicom.Attribute;
import io.delineo.dicom.Code;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.Sequence;
import io.delineo.dicom.Tag;
import io.delineo.dicom.Tags;
import io.delineo.dicom.VR;
import io.delineo.interop.common.DicomTags;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * De-identifies a data set by the Basic Application Level Confidentiality Profile (PS3.15 E.1), optionally with the
 * Retain Longitudinal Temporal Information Full Dates and Clean Descriptors options. Deterministic: the same input,
 * options and {@link UidMapper} give the same output.
 *
 * <ul>
 *   <li>Every attribute the profile lists gets its action, at any sequence depth; attributes it does not list are
 *   kept (sequences among them are de-identified item by item).</li>
 *   <li>Compound actions resolve as {@link ProfileAction#resolved()} says.</li>
 *   <li>All private attributes (odd groups, creators included) are removed.</li>
 *   <li>U: each value is replaced through the {@link UidMapper}.</li>
 *   <li>D: dummies by VR — text "ANONYMIZED", PN "Anonymized", DA 19000101, TM 000000, DT 19000101000000, numbers 0,
 *   UI a mapped UID; sequences keep their items, de-identified.</li>
 *   <li>Then: Patient Identity Removed YES, De-identification Method and its Code Sequence (113100, plus 113106 and
 *   113105 for the options; codes already present are kept), Longitudinal Temporal Information Modified
 *   UNMODIFIED with the full-dates option (unless the source already says MODIFIED/REMOVED), else REMOVED.</li>
 * </ul>
 */
public final class Deidentifier {
    public static final String METHOD_TEXT = "Delineo: DICOM PS3.15 E.1 Basic Profile";

    private final ConfidentialityProfile profile;
    private final UidMapper uids;
    private final DeidOptions options;

    public Deidentifier(ConfidentialityProfile profile, UidMapper uids, DeidOptions options) {
        if (profile == null || uids == null || options == null) {
            throw new IllegalArgumentException("profile, UID mapper and options are required");
        }
        this.profile = profile;
        this.uids = uids;
        this.options = options;
    }

    /** A de-identified copy; the input is not changed. */
    public Dataset deidentify(Dataset source) {
        if (source == null) throw new IllegalArgumentException("data set is required");
        Dataset out = source.copy();
        process(out);
        if (options.patientName() != null) out.setString(Tags.PatientName, VR.PN, options.patientName());
        if (options.patientId() != null) out.setString(Tags.PatientID, VR.LO, options.patientId());
        out.setString(DicomTags.PatientIdentityRemoved, VR.CS, "YES");
        writeMethod(out);
        int ltim = DicomTags.tag("LongitudinalTemporalInformationModified");
        String before = source.getString(ltim);
        if (!options.retainLongitudinalFullDates()) out.setString(ltim, VR.CS, "REMOVED");
        else if (before == null || before.equals("UNMODIFIED")) out.setString(ltim, VR.CS, "UNMODIFIED");
        return out;
    }

    /** The action this run takes for a (non-private) tag, or null when the profile keeps it untouched. */
    public ProfileAction actionFor(int tag) {
        ConfidentialityProfile.Entry e = profile.entry(tag);
        if (e == null) return null;
        if (options.retainLongitudinalFullDates() && e.options().containsKey(ProfileOption.RETAIN_LONGITUDINAL_FULL_DATES)) {
            return e.options().get(ProfileOption.RETAIN_LONGITUDINAL_FULL_DATES);
        }
        if (options.cleanDescriptors() && e.options().containsKey(ProfileOption.CLEAN_DESCRIPTORS)) {
            return e.options().get(ProfileOption.CLEAN_DESCRIPTORS);
        }
        return e.basic().resolved();
    }

    private void process(Dataset ds) {
        List<Attribute> attributes = new ArrayList<>(ds.attributes());
        for (Attribute a : attributes) {
            int tag = a.tag();
            if (Tag.isPrivate(tag)) {
                ds.remove(tag);
                continue;
            }
            ProfileAction action = actionFor(tag);
            if (action == null || action == ProfileAction.K) {
                if (a.isSequence()) processItems(a);
                continue;
            }
            apply(ds, a, action);
        }
    }

    private void processItems(Attribute sequence) {
        for (Dataset item : sequence.sequence()) process(item);
    }

    private void apply(Dataset ds, Attribute a, ProfileAction action) {
        int tag = a.tag();
        switch (action) {
            case X -> ds.remove(tag);
            case Z -> empty(ds, a);
            case D -> dummy(ds, a);
            case U -> {
                if (a.isSequence()) processItems(a);
                else if (a.vr() == VR.UI) ds.setString(tag, VR.UI, mapAll(ds.getStrings(tag)));
                else dummy(ds, a);
            }
            case C -> clean(ds, a);
            default -> throw new IllegalStateException("unresolved action " + action + " for " + Tag.toString(tag));
        }
    }

    private void empty(Dataset ds, Attribute a) {
        if (a.isSequence()) ds.newSequence(a.tag());
        else ds.setBytes(a.tag(), a.vr(), new byte[0]);
    }

    private void dummy(Dataset ds, Attribute a) {
        int tag = a.tag();
        if (a.isSequence()) {
            processItems(a);
            return;
        }
        switch (a.vr()) {
            case PN -> ds.setString(tag, VR.PN, "Anonymized");
            case AE, CS, LO, LT, SH, ST, UC, UT -> ds.setString(tag, a.vr(), "ANONYMIZED");
            case DA -> ds.setString(tag, VR.DA, "19000101");
            case TM -> ds.setString(tag, VR.TM, "000000");
            case DT -> ds.setString(tag, VR.DT, "19000101000000");
            case AS -> ds.setString(tag, VR.AS, "000D");
            case IS, DS -> ds.setString(tag, a.vr(), "0");
            case UI -> ds.setString(tag, VR.UI, mapAll(ds.getStrings(tag)));
            case US, SS, UL, SL, FL, FD, AT, SV, UV -> ds.setBytes(tag, a.vr(), new byte[a.vr().unitSize()]);
            default -> ds.setBytes(tag, a.vr(), new byte[0]);
        }
    }

    private void clean(Dataset ds, Attribute a) {
        if (a.isSequence()) {
            processItems(a);
            return;
        }
        if (a.vr().isString() && !a.isEncapsulated()) {
            String[] values = ds.getStrings(a.tag());
            String[] cleaned = new String[values.length];
            boolean all = true;
            for (int i = 0; i < values.length && all; i++) {
                cleaned[i] = options.cleaner().clean(a.tag(), values[i]);
                all = cleaned[i] != null;
            }
            if (all) {
                ds.setString(a.tag(), a.vr(), cleaned);
                return;
            }
        }
        ProfileAction fallback = profile.entry(a.tag()).basic().resolved();
        apply(ds, a, fallback == ProfileAction.C ? ProfileAction.X : fallback);
    }

    private String[] mapAll(String[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i].isEmpty() ? "" : uids.map(values[i]);
        return out;
    }

    private void writeMethod(Dataset out) {
        Set<String> text = new LinkedHashSet<>(List.of(out.getStrings(DicomTags.DeidentificationMethod)));
        StringBuilder method = new StringBuilder(METHOD_TEXT);
        if (options.retainLongitudinalFullDates()) method.append(", full dates");
        if (options.cleanDescriptors()) method.append(", clean descriptors");
        text.add(method.toString());
        out.setString(DicomTags.DeidentificationMethod, VR.LO, text.toArray(new String[0]));

        List<Code> codes = new ArrayList<>();
        Sequence existing = out.getSequence(DicomTags.DeidentificationMethodCodeSequence);
        if (existing != null) for (Dataset item : existing) if (Code.of(item) != null) codes.add(Code.of(item));
        List<Code> ours = new ArrayList<>(List.of(ProfileOption.BASIC_PROFILE));
        if (options.retainLongitudinalFullDates()) ours.add(ProfileOption.RETAIN_LONGITUDINAL_FULL_DATES.code());
        if (options.cleanDescriptors()) ours.add(ProfileOption.CLEAN_DESCRIPTORS.code());
        for (Code c : ours) {
            if (codes.stream().noneMatch(x -> x.value().equals(c.value()) && x.scheme().equals(c.scheme()))) codes.add(c);
        }
        Sequence seq = out.newSequence(DicomTags.DeidentificationMethodCodeSequence);
        for (Code c : codes) c.addTo(seq);
    }
}
