package org.losseval;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the layering of DESIGN.md on the product's compiled classes (tests excluded), one test per rule of
 * {@link ArchitectureRules}. {@link ArchitectureRulesTest} proves that each rule fires on a violation and
 * that none passes here only because it matches nothing.
 */
@AnalyzeClasses(packages = "org.losseval", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final ArchitectureRules RULES = ArchitectureRules.PRODUCT;

    @ArchTest
    static final ArchRule picocliOnlyInCli = RULES.picocliOnlyInCli();

    @ArchTest
    static final ArchRule vectorApiOnlyInVectorKernels = RULES.vectorApiOnlyInVectorKernels();

    @ArchTest
    static final ArchRule commonsCsvOnlyInIo = RULES.libraryOnlyInIo(ArchitectureRules.COMMONS_CSV);

    @ArchTest
    static final ArchRule parquetOnlyInIo = RULES.libraryOnlyInIo(ArchitectureRules.PARQUET);

    @ArchTest
    static final ArchRule hadoopOnlyInIo = RULES.libraryOnlyInIo(ArchitectureRules.HADOOP);

    @ArchTest
    static final ArchRule fastDoubleParserOnlyInIo = RULES.libraryOnlyInIo(ArchitectureRules.FAST_DOUBLE_PARSER);

    @ArchTest
    static final ArchRule reportAndFormatNeverDependOnAccumulate = RULES.reportAndFormatNeverDependOnAccumulate();

    @ArchTest
    static final ArchRule reportDependsOnNoOtherLayer = RULES.reportDependsOnNoOtherLayer();

    @ArchTest
    static final ArchRule reusableLayersNeverDependOnTheApplication = RULES.reusableLayersNeverDependOnTheApplication();

    /** Fails until the cli branch lands: cli still names io.InputException and kernel.Kernels. */
    @ArchTest
    static final ArchRule cliNeverDependsOnKernelOrIo = RULES.cliNeverDependsOnKernelOrIo();

    @ArchTest
    static final ArchRule standardStreamsAndExitOnlyInMain = RULES.standardStreamsAndExitOnlyInMain();

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = RULES.noCyclesBetweenTopLevelPackages();
}
