package io.delineo.archive.web;

import io.delineo.archive.ArchiveFiles;
import io.delineo.archive.StoredBytes;
import io.delineo.dicom.Attribute;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomException;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.UnsupportedTransferSyntaxException;
import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.io.DicomWriter;
import io.delineo.dicom.io.ReadOptions;
import io.delineo.dicom.pixel.PixelData;
import io.delineo.domain.Refusal;
import io.delineo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** WADO-RS retrieval (PS3.18 10.4): instances, metadata, frames and bulk data, as multipart/related. */
@Path("/dicom-web")
@Tag(name = "DICOMweb")
@RolesAllowed({Roles.READER, Roles.PI, Roles.BOARD, Roles.ADMIN})
public class WadoResource {
    private static final String APPLICATION_DICOM = "application/dicom";

    @Inject
    WadoService wado;
    @Inject
    ArchiveFiles store;

    @GET
    @Path("/studies/{study}")
    @Produces("multipart/related")
    @Operation(summary = "WADO-RS: all instances of a study")
    public Response study(@PathParam("study") String study, @HeaderParam(HttpHeaders.ACCEPT) String accept,
                          @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return instances(wado.instances(study, null, null, "instances"), accept, ifNoneMatch);
    }

    @GET
    @Path("/studies/{study}/series/{series}")
    @Produces("multipart/related")
    @Operation(summary = "WADO-RS: all instances of a series")
    public Response series(@PathParam("study") String study, @PathParam("series") String series,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept,
                           @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return instances(wado.instances(study, series, null, "instances"), accept, ifNoneMatch);
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances/{sop}")
    @Produces("multipart/related")
    @Operation(summary = "WADO-RS: one instance")
    public Response instance(@PathParam("study") String study, @PathParam("series") String series,
                             @PathParam("sop") String sop, @HeaderParam(HttpHeaders.ACCEPT) String accept,
                             @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return instances(wado.instances(study, series, sop, "instance"), accept, ifNoneMatch);
    }

    @GET
    @Path("/studies/{study}/metadata")
    @Produces({"application/dicom+json", "application/json"})
    @Operation(summary = "WADO-RS: metadata of a study")
    public String studyMetadata(@PathParam("study") String study) {
        return wado.metadata(study, null, null);
    }

    @GET
    @Path("/studies/{study}/series/{series}/metadata")
    @Produces({"application/dicom+json", "application/json"})
    @Operation(summary = "WADO-RS: metadata of a series")
    public String seriesMetadata(@PathParam("study") String study, @PathParam("series") String series) {
        return wado.metadata(study, series, null);
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances/{sop}/metadata")
    @Produces({"application/dicom+json", "application/json"})
    @Operation(summary = "WADO-RS: metadata of an instance")
    public String instanceMetadata(@PathParam("study") String study, @PathParam("series") String series,
                                   @PathParam("sop") String sop) {
        return wado.metadata(study, series, sop);
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances/{sop}/frames/{frames}")
    @Produces("multipart/related")
    @Operation(summary = "WADO-RS: frames (1-based list), original encoding with transfer-syntax=*, else uncompressed")
    public Response frames(@PathParam("study") String study, @PathParam("series") String series,
                           @PathParam("sop") String sop, @PathParam("frames") String frames,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept,
                           @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        WadoService.StoredInstance stored = wado.instances(study, series, sop, "frames " + frames).get(0);
        String ts = stored.transferSyntaxUid();
        boolean asStored = FrameEncoding.isNative(ts) || wantsOriginal(AcceptHeader.parse(accept), ts);
        // native frames are served as explicit VR little endian bytes, which is how they are stored
        String partType = FrameEncoding.contentType(asStored && !FrameEncoding.isNative(ts) ? ts
                : FrameEncoding.EXPLICIT_VR_LE);
        String tag = ContentCaching.tag(stored.sha256(), "frames", frames, partType);
        if (ContentCaching.matches(ifNoneMatch, tag)) return ContentCaching.notModified(tag);

        List<Integer> numbers;
        List<byte[]> bodies = new ArrayList<>();
        long[] ranges = stored.frameRanges();
        if (ranges != null && asStored) {
            // recorded at ingest: read only the requested frames' bytes
            numbers = frameNumbers(frames, ranges.length / 2);
            StoredBytes.Ranges file = StoredBytes.of(store, stored.sha256());
            try {
                for (int n : numbers) bodies.add(file.read(ranges[2 * n - 2], (int) ranges[2 * n - 1]));
            } catch (IOException e) {
                throw new UncheckedIOException("stored object " + sop + " cannot be read", e);
            }
        } else {
            numbers = parsedFrames(stored, frames, asStored, bodies);
        }
        String boundary = ContentCaching.boundary(tag);
        String base = "/dicom-web/studies/" + study + "/series/" + series + "/instances/" + sop + "/frames/";
        String type = partType;
        StreamingOutput body = out -> {
            MultipartRelatedWriter w = new MultipartRelatedWriter(out, boundary);
            for (int i = 0; i < bodies.size(); i++) w.part(type, base + numbers.get(i), bodies.get(i));
            w.finish();
        };
        return ContentCaching.withHeaders(Response.ok(body), tag)
                .type(MultipartRelatedWriter.contentType(partType.split(";")[0], boundary)).build();
    }

    /** Frames of an object without recorded ranges (or to be decompressed): parses the whole object. */
    private static List<Integer> parsedFrames(WadoService.StoredInstance stored, String frames, boolean asStored,
                                              List<byte[]> bodies) {
        DicomFile file = read(stored);
        PixelData pixels = pixelDataOf(file, stored.sopInstanceUid());
        List<Integer> numbers = frameNumbers(frames, pixels.frameCount());
        try {
            for (int n : numbers) bodies.add(asStored ? pixels.encodedFrame(n - 1) : pixels.nativeFrame(n - 1));
        } catch (UnsupportedTransferSyntaxException e) {
            throw new Refusal(Refusal.Kind.NOT_ACCEPTABLE, "frames stored as " + file.transferSyntax().name()
                    + " cannot be decompressed on the server; ask for transfer-syntax=* to receive them as stored");
        } catch (DicomException | IndexOutOfBoundsException e) {
            throw Refusal.unprocessable("the stored pixel data of instance " + stored.sopInstanceUid()
                    + " cannot be decoded: " + e.getMessage());
        }
        return numbers;
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances/{sop}/bulkdata/{path: .+}")
    @Produces("multipart/related")
    @Operation(summary = "WADO-RS: a bulk data value referenced by a BulkDataURI in the metadata")
    public Response bulkData(@PathParam("study") String study, @PathParam("series") String series,
                             @PathParam("sop") String sop, @PathParam("path") String path,
                             @HeaderParam(HttpHeaders.ACCEPT) String accept,
                             @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (path.equalsIgnoreCase("7FE00010")) {
            WadoService.StoredInstance stored = wado.instances(study, series, sop, "bulkdata " + path).get(0);
            int count = stored.frameRanges() != null ? stored.frameRanges().length / 2
                    : pixelDataOf(read(stored), sop).frameCount();
            StringBuilder all = new StringBuilder();
            for (int i = 1; i <= count; i++) all.append(i == 1 ? "" : ",").append(i);
            return frames(study, series, sop, all.toString(), accept, ifNoneMatch);
        }
        WadoService.StoredInstance stored = wado.instances(study, series, sop, "bulkdata " + path).get(0);
        String tag = ContentCaching.tag(stored.sha256(), "bulkdata", path);
        if (ContentCaching.matches(ifNoneMatch, tag)) return ContentCaching.notModified(tag);
        byte[] value = valueAt(read(stored).dataset(), path);
        String boundary = ContentCaching.boundary(tag);
        StreamingOutput body = out -> {
            MultipartRelatedWriter w = new MultipartRelatedWriter(out, boundary);
            w.part("application/octet-stream", null, value);
            w.finish();
        };
        return ContentCaching.withHeaders(Response.ok(body), tag)
                .type(MultipartRelatedWriter.contentType("application/octet-stream", boundary)).build();
    }

    private Response instances(List<WadoService.StoredInstance> instances, String accept, String ifNoneMatch) {
        AcceptHeader header = AcceptHeader.parse(accept);
        List<Boolean> transcode = new ArrayList<>();
        List<String> identity = new ArrayList<>(List.of("instances"));
        for (WadoService.StoredInstance s : instances) {
            boolean t = needsExplicitLittleEndian(header, s);
            transcode.add(t);
            identity.add(s.sha256() + (t ? "+explicit-le" : ""));
            identity.add(s.sopInstanceUid());
        }
        String tag = ContentCaching.tag(identity.toArray(String[]::new));
        if (ContentCaching.matches(ifNoneMatch, tag)) return ContentCaching.notModified(tag);
        String boundary = ContentCaching.boundary(tag);
        StreamingOutput body = out -> {
            MultipartRelatedWriter w = new MultipartRelatedWriter(out, boundary);
            for (int i = 0; i < instances.size(); i++) {
                WadoService.StoredInstance s = instances.get(i);
                String location = "/dicom-web/studies/" + s.studyUid() + "/series/" + s.seriesUid() + "/instances/"
                        + s.sopInstanceUid();
                if (transcode.get(i)) {
                    byte[] bytes = DicomWriter.toBytes(read(s));
                    w.part(APPLICATION_DICOM + "; transfer-syntax=" + FrameEncoding.EXPLICIT_VR_LE, location, bytes);
                } else {
                    try (InputStream in = Files.newInputStream(s.file())) {
                        w.part(APPLICATION_DICOM + "; transfer-syntax=" + s.transferSyntaxUid(), location, s.size(), in);
                    }
                }
            }
            w.finish();
        };
        return ContentCaching.withHeaders(Response.ok(body), tag)
                .type(MultipartRelatedWriter.contentType(APPLICATION_DICOM, boundary)).build();
    }

    /**
     * Instances are served as stored unless the client names a transfer syntax: then explicit VR little endian can be
     * produced from any native syntax; anything else is refused with 406 (the archive does not recompress).
     */
    static boolean needsExplicitLittleEndian(AcceptHeader accept, WadoService.StoredInstance s) {
        if (accept.isEmpty()) return false;
        for (AcceptHeader.Range r : accept.ranges()) {
            boolean dicom = r.isWildcard() || r.mediaType().equals(APPLICATION_DICOM)
                    || (r.isMultipart() && (r.type() == null || r.type().equals(APPLICATION_DICOM)));
            if (!dicom) continue;
            String ts = r.transferSyntax();
            if (ts == null || ts.equals("*") || ts.equals(s.transferSyntaxUid())) return false;
            if (ts.equals(FrameEncoding.EXPLICIT_VR_LE) && FrameEncoding.isNative(s.transferSyntaxUid())) return true;
        }
        throw new Refusal(Refusal.Kind.NOT_ACCEPTABLE,
                "instance " + s.sopInstanceUid() + " is stored as " + s.transferSyntaxUid()
                + "; this archive serves it as stored (transfer-syntax=*) or, for uncompressed data, as explicit VR "
                + "little endian");
    }

    /** Original frame encoding when the client accepts it (transfer-syntax=* or the stored syntax). */
    static boolean wantsOriginal(AcceptHeader accept, String storedTs) {
        for (AcceptHeader.Range r : accept.ranges()) {
            String ts = r.transferSyntax();
            if ("*".equals(ts) || storedTs.equals(ts)) return true;
            if (ts == null && !r.isWildcard() && !r.isMultipart() && !r.mediaType().equals("application/octet-stream")
                    && r.mediaType().equals(FrameEncoding.mediaType(storedTs))) {
                return true;
            }
            if (ts == null && r.isMultipart() && r.type() != null && !r.type().equals("application/octet-stream")
                    && r.type().equals(FrameEncoding.mediaType(storedTs))) {
                return true;
            }
        }
        return false;
    }

    static List<Integer> frameNumbers(String list, int frameCount) {
        List<Integer> numbers = new ArrayList<>();
        // -1 keeps empty items, so "," and "1," are refused instead of naming no frame at all
        for (String s : list.split(",", -1)) {
            int n;
            try {
                n = Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw Refusal.invalid("frame list '" + list + "' must be 1-based numbers separated by commas");
            }
            if (n < 1 || n > frameCount) {
                throw Refusal.notFound("frame " + n + " does not exist; the instance has " + frameCount
                        + " frame(s)");
            }
            numbers.add(n);
        }
        return numbers;
    }

    /** An instance without pixel data (an RTSTRUCT) has no frames: 404; pixel data we cannot make sense of: 422. */
    private static PixelData pixelDataOf(DicomFile file, String sop) {
        if (!file.dataset().contains(io.delineo.dicom.Tags.PixelData)) {
            throw Refusal.notFound("instance " + sop + " has no pixel data (7FE0,0010), so it has no frames");
        }
        try {
            return PixelData.of(file);
        } catch (DicomException e) {
            throw Refusal.unprocessable("the stored pixel data of instance " + sop + " cannot be read: "
                    + e.getMessage());
        }
    }

    static DicomFile read(WadoService.StoredInstance s) {
        try {
            return DicomReader.read(s.file(), ReadOptions.defaults());
        } catch (DicomException e) {
            throw new IllegalStateException("stored object " + s.sopInstanceUid() + " cannot be read back", e);
        }
    }

    /** The value at a bulk data path such as "00540016/0/00181072". */
    static byte[] valueAt(Dataset ds, String path) {
        String[] parts = path.split("/");
        Dataset current = ds;
        for (int i = 0; i < parts.length; i++) {
            int tag;
            try {
                tag = (int) Long.parseLong(parts[i], 16);
            } catch (NumberFormatException e) {
                throw Refusal.invalid("bulk data path '" + path + "' is not tags and item numbers");
            }
            Attribute a = current.get(tag);
            if (a == null) throw Refusal.notFound("no attribute " + parts[i] + " at " + path);
            if (i == parts.length - 1) {
                if (a.bytes() == null) throw Refusal.notFound("attribute " + parts[i] + " has no binary value");
                return a.bytes();
            }
            int item;
            try {
                item = Integer.parseInt(parts[++i]);
            } catch (RuntimeException e) {
                throw Refusal.invalid("bulk data path '" + path + "' lacks an item number after " + parts[i - 1]);
            }
            if (!a.isSequence() || item < 0 || item >= a.sequence().size()) {
                throw Refusal.notFound("no item " + item + " in " + parts[i - 1]);
            }
            current = a.sequence().get(item);
        }
        throw Refusal.invalid("bulk data path '" + path + "' ends in a sequence item");
    }
}
