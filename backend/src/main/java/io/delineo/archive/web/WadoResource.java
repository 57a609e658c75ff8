package io.delineo.archive.web;

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
import io.delineo.platform.ApiException;
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

import java.io.InputStream;
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

    @GET
    @Path("/studies/{study}")
    @Produces("multipart/related")
    @Operation(summary = "WADO-RS: all instances of a study")
    public Response study(@PathParam("study") String study, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return instances(wado.instances(study, null, null, "instances"), accept);
    }

    @GET
    @Path("/studies/{study}/series/{series}")
    @Produces("multipart/related")
    @Operation(summary = "WADO-RS: all instances of a series")
    public Response series(@PathParam("study") String study, @PathParam("series") String series,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return instances(wado.instances(study, series, null, "instances"), accept);
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances/{sop}")
    @Produces("multipart/related")
    @Operation(summary = "WADO-RS: one instance")
    public Response instance(@PathParam("study") String study, @PathParam("series") String series,
                             @PathParam("sop") String sop, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return instances(wado.instances(study, series, sop, "instance"), accept);
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
                           @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        WadoService.StoredInstance stored = wado.instances(study, series, sop, "frames " + frames).get(0);
        DicomFile file = read(stored);
        PixelData pixels = pixelDataOf(file, sop);
        List<Integer> numbers = frameNumbers(frames, pixels.frameCount());
        boolean original = wantsOriginal(AcceptHeader.parse(accept), stored.transferSyntaxUid());
        List<byte[]> bodies = new ArrayList<>();
        String partType;
        try {
            if (original && !FrameEncoding.isNative(stored.transferSyntaxUid())) {
                partType = FrameEncoding.contentType(stored.transferSyntaxUid());
                for (int n : numbers) bodies.add(pixels.encodedFrame(n - 1));
            } else {
                partType = FrameEncoding.contentType(FrameEncoding.EXPLICIT_VR_LE);
                for (int n : numbers) bodies.add(pixels.nativeFrame(n - 1));
            }
        } catch (UnsupportedTransferSyntaxException e) {
            throw new Refusal(Refusal.Kind.NOT_ACCEPTABLE, "frames stored as " + file.transferSyntax().name()
                    + " cannot be decompressed on the server; ask for transfer-syntax=* to receive them as stored");
        } catch (DicomException | IndexOutOfBoundsException e) {
            throw Refusal.unprocessable("the stored pixel data of instance " + sop + " cannot be decoded: "
                    + e.getMessage());
        }
        String boundary = MultipartRelatedWriter.newBoundary();
        String base = "/dicom-web/studies/" + study + "/series/" + series + "/instances/" + sop + "/frames/";
        StreamingOutput body = out -> {
            MultipartRelatedWriter w = new MultipartRelatedWriter(out, boundary);
            for (int i = 0; i < bodies.size(); i++) w.part(partType, base + numbers.get(i), bodies.get(i));
            w.finish();
        };
        return Response.ok(body).type(MultipartRelatedWriter.contentType(partType.split(";")[0], boundary)).build();
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances/{sop}/bulkdata/{path: .+}")
    @Produces("multipart/related")
    @Operation(summary = "WADO-RS: a bulk data value referenced by a BulkDataURI in the metadata")
    public Response bulkData(@PathParam("study") String study, @PathParam("series") String series,
                             @PathParam("sop") String sop, @PathParam("path") String path,
                             @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        if (path.equalsIgnoreCase("7FE00010")) {
            WadoService.StoredInstance stored = wado.instances(study, series, sop, "bulkdata " + path).get(0);
            int count = pixelDataOf(read(stored), sop).frameCount();
            StringBuilder all = new StringBuilder();
            for (int i = 1; i <= count; i++) all.append(i == 1 ? "" : ",").append(i);
            return frames(study, series, sop, all.toString(), accept);
        }
        WadoService.StoredInstance stored = wado.instances(study, series, sop, "bulkdata " + path).get(0);
        byte[] value = valueAt(read(stored).dataset(), path);
        String boundary = MultipartRelatedWriter.newBoundary();
        StreamingOutput body = out -> {
            MultipartRelatedWriter w = new MultipartRelatedWriter(out, boundary);
            w.part("application/octet-stream", null, value);
            w.finish();
        };
        return Response.ok(body).type(MultipartRelatedWriter.contentType("application/octet-stream", boundary)).build();
    }

    private Response instances(List<WadoService.StoredInstance> instances, String accept) {
        AcceptHeader header = AcceptHeader.parse(accept);
        String boundary = MultipartRelatedWriter.newBoundary();
        List<Boolean> transcode = new ArrayList<>();
        for (WadoService.StoredInstance s : instances) transcode.add(needsExplicitLittleEndian(header, s));
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
        return Response.ok(body).type(MultipartRelatedWriter.contentType(APPLICATION_DICOM, boundary)).build();
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
        throw new ApiException(406, "instance " + s.sopInstanceUid() + " is stored as " + s.transferSyntaxUid()
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
                throw ApiException.badRequest("frame list '" + list + "' must be 1-based numbers separated by commas");
            }
            if (n < 1 || n > frameCount) {
                throw ApiException.notFound("frame " + n + " does not exist; the instance has " + frameCount
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
                throw ApiException.badRequest("bulk data path '" + path + "' is not tags and item numbers");
            }
            Attribute a = current.get(tag);
            if (a == null) throw ApiException.notFound("no attribute " + parts[i] + " at " + path);
            if (i == parts.length - 1) {
                if (a.bytes() == null) throw ApiException.notFound("attribute " + parts[i] + " has no binary value");
                return a.bytes();
            }
            int item;
            try {
                item = Integer.parseInt(parts[++i]);
            } catch (RuntimeException e) {
                throw ApiException.badRequest("bulk data path '" + path + "' lacks an item number after " + parts[i - 1]);
            }
            if (!a.isSequence() || item < 0 || item >= a.sequence().size()) {
                throw ApiException.notFound("no item " + item + " in " + parts[i - 1]);
            }
            current = a.sequence().get(item);
        }
        throw ApiException.badRequest("bulk data path '" + path + "' ends in a sequence item");
    }
}
