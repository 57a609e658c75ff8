package io.delineo.interop.product;

import io.delineo.archive.ArchiveFiles;
import io.delineo.archive.Instance;
import io.delineo.archive.Series;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.io.ReadOptions;
import io.delineo.domain.Refusal;
import io.delineo.interop.common.SourceSeries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/** The archived series a derived object refers to, as the interop writers and readers need it (headers only). */
@ApplicationScoped
public class SeriesHeaders {
    @Inject
    ArchiveFiles store;

    public SourceSeries of(String seriesInstanceUid) {
        Series series = Series.findByUid(seriesInstanceUid).orElseThrow(
                () -> Refusal.notFound("series " + seriesInstanceUid + " is not in the archive"));
        List<Dataset> headers = new ArrayList<>();
        for (Instance i : Instance.ofSeries(series)) {
            headers.add(DicomReader.read(store.file(i.fileSha256), ReadOptions.defaults().withStopBeforePixelData(true))
                    .dataset());
        }
        return SourceSeries.of(headers);
    }
}
