package io.delineo.grading.demo;

import io.delineo.grading.model.Grade;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.Volume;

/** One generated case: a CT-like volume, the lesion mask on the same grid, and the grade it was drawn for. */
public record SyntheticLesion(String caseId, Grade grade, Volume volume, BitMask mask, double diameterMm,
                              double enhancementHu, double heterogeneityHu, boolean necrosis) { }
