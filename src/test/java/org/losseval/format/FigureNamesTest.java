package org.losseval.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losseval.report.ColumnRole;
import org.losseval.report.Report;
import org.losseval.report.RowCounts;

class FigureNamesTest {
    @Test
    void namesOfLossFigures() {
        assertEquals("mse", FigureNames.loss("mse"));
        assertEquals("clamped[bce]", FigureNames.clamped("bce"));
        assertEquals("share_top1[huber:delta=15]", FigureNames.shareTop1("huber:delta=15"));
        assertEquals("share_top1[mse]", FigureNames.shareTopK(1, "mse"));
        assertEquals("share_top5[robust]", FigureNames.shareTopK(5, "robust"));
        assertEquals("outlier_share[mae]", FigureNames.outlierShare("mae"));
        assertEquals("outliers", FigureNames.OUTLIERS);
    }

    @Test
    void aTopFractionIsNamedByTheDecimalTheUserTypedInPercent() {
        assertEquals("share_top1%[mse]", FigureNames.shareTopFraction(0.01, "mse"));
        // 0.05 * 100 is 5.000000000000001 in binary; the name must still say 5.
        assertEquals("share_top5%[mse]", FigureNames.shareTopFraction(0.05, "mse"));
        assertEquals("share_top0.5%[mse]", FigureNames.shareTopFraction(0.005, "mse"));
        assertEquals("share_top7%[mse]", FigureNames.shareTopFraction(0.07, "mse"));
        assertEquals("share_top100%[mse]", FigureNames.shareTopFraction(1, "mse"));
        assertEquals("share_top0.001%[mse]", FigureNames.shareTopFraction(1e-5, "mse"));
        assertEquals("share_top12.5%[mse]", FigureNames.shareTopFraction(0.125, "mse"));
        assertThrows(IllegalArgumentException.class, () -> FigureNames.shareTopFraction(Double.NaN, "mse"));
    }

    @Test
    void namesOfQuantileIntervalAndRowFigures() {
        assertEquals("pinball[p90]", FigureNames.pinball("p90"));
        assertEquals("calibration[p90]", FigureNames.calibration("p90"));
        assertEquals("p10:p90", FigureNames.interval("p10", "p90"));
        assertEquals("coverage[p10:p90]", FigureNames.coverage("p10", "p90"));
        assertEquals("below[p10:p90]", FigureNames.below("p10", "p90"));
        assertEquals("above[p10:p90]", FigureNames.above("p10", "p90"));
        assertEquals("width[p10:p90]", FigureNames.width("p10", "p90"));
        assertEquals("interval_score[p10:p90]", FigureNames.intervalScore("p10", "p90"));
        assertEquals("coverage_p_value[p10:p90]", FigureNames.coveragePValue("p10", "p90"));
        assertEquals(List.of("rows_read", "rows_used", "rows_skipped"),
                List.of(FigureNames.ROWS_READ, FigureNames.ROWS_USED, FigureNames.ROWS_SKIPPED));
    }

    @Test
    void reportFiguresFollowTheNamesAndTheFirstOfTwoEqualNamesWins() {
        // A loss labelled "rows_read" would shadow the row count: the row count, listed first, wins.
        Report report = SampleReports.oneInput("x.csv", List.of(new ColumnRole("pred", "p")), new RowCounts(7, 6,
                Map.of("empty pred", 1L)), List.of(SampleReports.loss("rows_read", "mse", "mse", Map.of(), List.of(),
                        0.5, 6, 6)));
        Map<String, Double> figures = ReportFigures.values(report);
        assertEquals(List.of("rows_read", "rows_used", "rows_skipped", "clamped[rows_read]"),
                List.copyOf(figures.keySet()));
        assertEquals(7, figures.get("rows_read"));
        assertEquals(1, figures.get("rows_skipped"));
        assertThrows(UnsupportedOperationException.class, () -> figures.put("x", 1.0));
    }
}
