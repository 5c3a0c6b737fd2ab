package org.losseval.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losseval.report.ContributionResult;
import org.losseval.report.GroupReport;
import org.losseval.report.LossContribution;
import org.losseval.report.Report;

/** Which sections each sample report has; the printers for people show exactly these (see PrinterParityTest). */
class SectionsTest {
    // Field order: losses, contributions, worstRows, quantiles, intervals, perInput, skipped, gates, curves,
    // histogram, reliability, comparison, groups (hand-built sample reports carry no curve, histogram or reliability diagram; ExampleReportsTest's runs do).

    @Test
    void everySectionOfTheFullHouses() {
        assertEquals(new Sections(true, true, true, true, true, false, false, true, false, false, false, false, false),
                Sections.of(SampleReports.housesFull()));
    }

    @Test
    void aComparisonHasItsSection() {
        assertEquals(new Sections(true, true, true, true, true, false, false, true, false, false, false, true, false),
                Sections.of(SampleReports.housesCompared()));
    }

    @Test
    void groupsHaveTheirSectionWhenThereIsAGroup() {
        GroupReport.Group group = new GroupReport.Group(List.of("north"), 3, 1.0, 1, List.of(), List.of(), List.of());
        Report grouped = SampleReports.housesCompared().withGroups(new GroupReport(List.of("region"), 1, 10, 0.95,
                List.of(group), List.of()));
        assertEquals(new Sections(true, true, true, true, true, false, false, true, false, false, false, true, true),
                Sections.of(grouped));
        Report noGroup = SampleReports.housesFull().withGroups(new GroupReport(List.of("region"), 1, 10, 0.95,
                List.of(), List.of()));
        assertEquals(new Sections(true, true, true, true, true, false, false, true, false, false, false, false, false),
                Sections.of(noGroup));
    }

    @Test
    void twoInputsWithLossesHaveASectionPerInputAndSkippedRows() {
        assertEquals(new Sections(true, false, false, false, false, true, true, false, false, false, false, false, false),
                Sections.of(SampleReports.housesAndEmpty()));
    }

    @Test
    void onlyQuantilesAndIntervalsHaveNoLossTable() {
        assertEquals(new Sections(false, false, false, true, true, false, false, false, false, false, false, false, false),
                Sections.of(SampleReports.quantilesOnly()));
    }

    @Test
    void onlyQuantilesOverTwoInputsHaveNoSectionPerInput() {
        // A section per input lists that input's losses: there are none to list.
        assertEquals(new Sections(false, false, false, true, true, false, true, false, false, false, false, false, false),
                Sections.of(SampleReports.quantilesOnlyTwoInputs()));
    }

    @Test
    void contributionsCoveringNoLossHaveNoConcentrationSection() {
        assertEquals(new Sections(true, false, false, false, false, false, false, false, false, false, false, false, false),
                Sections.of(SampleReports.contributionsOfNoLoss()));
    }

    @Test
    void contributionsWithoutWorstRowsHaveNoWorstRowsTable() {
        Report full = SampleReports.housesFull();
        ContributionResult c = full.contributions();
        List<LossContribution> noWorstRows = c.losses().stream().map(l -> new LossContribution(l.loss(), l.total(),
                l.shareTop1(), l.topK(), l.shareTopK(), l.topFractions(), List.of(), l.outlierShare(),
                l.undefinedRows())).toList();
        Report report = new Report(full.schemaVersion(), full.toolVersion(), full.kernel(), full.columns(),
                full.inputs(), full.rows(), full.losses(),
                new ContributionResult(c.rows(), c.exact(), c.outliers(), noWorstRows), full.quantiles(),
                full.intervals(), full.gates());
        assertEquals(new Sections(true, true, false, true, true, false, false, true, false, false, false, false, false), Sections.of(report));
        // One loss with a worst row is enough: largeRun's second loss lists none.
        assertEquals(true, Sections.of(SampleReports.largeRun()).worstRows());
    }
}
