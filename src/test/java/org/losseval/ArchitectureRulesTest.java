package org.losseval;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.cycle_detection.Cycle;
import com.tngtech.archunit.library.cycle_detection.Edge;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A rule that cannot fail is worse than none. This proves two things about {@link ArchitectureRules}:
 * <ul>
 *   <li>each rule fires on the classes of {@code org.losseval.archfixture} that break it on purpose, and on
 *       no other (so it also spares what it allows: picocli in cli, the Vector API in kernel's Vector*
 *       classes, the libraries in io, the streams in Main) — the set of violating classes is compared
 *       exactly;</li>
 *   <li>on the product, none passes vacuously: every package the rules constrain is among the imported
 *       classes, and every library a rule confines is really used where it is allowed, so a misspelt
 *       package pattern would be noticed here rather than silently match nothing.</li>
 * </ul>
 */
class ArchitectureRulesTest {
    private static final ArchitectureRules RULES = ArchitectureRules.FIXTURES;
    /** The fixture classes only: they live in the test tree, which the product's import leaves out. */
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(RULES.root());
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests()).importPackages(ArchitectureRules.PRODUCT.root());

    @Test
    void picocliOutsideCliIsAViolation() {
        assertViolators(RULES.picocliOnlyInCli(), "loss.ParsesOptions");
    }

    @Test
    void theVectorApiOutsideKernelsVectorClassesIsAViolation() {
        // One breaks the name part (kernel.ScalarKernels), one the package part (loss.VectorLoss);
        // kernel.VectorKernels and its nested class are allowed.
        assertViolators(RULES.vectorApiOnlyInVectorKernels(), "kernel.ScalarKernels", "loss.VectorLoss");
    }

    @Test
    void eachIoLibraryOutsideIoIsAViolation() {
        // io.Readers uses all four and is allowed.
        assertViolators(RULES.libraryOnlyInIo(ArchitectureRules.COMMONS_CSV), "app.ReadsCsvItself");
        assertViolators(RULES.libraryOnlyInIo(ArchitectureRules.PARQUET), "app.CatchesParquetErrors",
                "app.ReadsParquetItself");
        assertViolators(RULES.libraryOnlyInIo(ArchitectureRules.HADOOP), "app.UsesHadoopPaths");
        assertViolators(RULES.libraryOnlyInIo(ArchitectureRules.FAST_DOUBLE_PARSER), "app.ParsesDoublesItself");
    }

    @Test
    void reportOrFormatUsingAccumulateIsAViolation() {
        assertViolators(RULES.reportAndFormatNeverDependOnAccumulate(), "format.PrintsAState", "report.ReadsAState");
    }

    @Test
    void reportUsingAnyOtherLayerIsAViolation() {
        // One fixture per forbidden package: accumulate, io, format, cli, app, kernel.
        assertViolators(RULES.reportDependsOnNoOtherLayer(), "report.CallsTheCli", "report.CallsTheEvaluator",
                "report.ReadsAState", "report.ReadsInput", "report.UsesAKernel", "report.UsesAPrinter");
    }

    @Test
    void aReusableLayerUsingTheApplicationIsAViolation() {
        // Every forbidden package (io, format, cli, app) and every reusable layer but report (which has
        // its own fixtures above) is represented; report.ReadsAState and report.UsesAKernel depend on
        // layers this rule allows.
        assertViolators(RULES.reusableLayersNeverDependOnTheApplication(), "accumulate.UsesTheEvaluator",
                "batch.ReadsInput", "kernel.ReadsInput", "loss.FormatsItself", "report.CallsTheCli",
                "report.CallsTheEvaluator", "report.ReadsInput", "report.UsesAPrinter", "text.CallsTheCli");
    }

    @Test
    void cliUsingKernelOrIoIsAViolation() {
        // cli.OnlyCatchesInputErrors names the io type in a catch clause and nowhere else.
        assertViolators(RULES.cliNeverDependsOnKernelOrIo(), "cli.NamesTheKernel", "cli.OnlyCatchesInputErrors",
                "cli.ReportsInputErrors");
    }

    @Test
    void theStandardStreamsOrExitOutsideMainAreAViolation() {
        // System.out, System.err, System.in and System.exit once each; cli.Main shows the rule matches the
        // entry point by its full name, not by "Main".
        assertViolators(RULES.standardStreamsAndExitOnlyInMain(), "accumulate.ReadsStdin", "app.ExitsOnError",
                "cli.Main", "format.PrintsToStdout", "loss.WarnsOnStderr");
    }

    @Test
    void aCycleBetweenTopLevelPackagesIsAViolation() {
        assertEquals(List.of(Set.of("gate", "text")), cycles(RULES.noCyclesBetweenTopLevelPackages()));
    }

    @Test
    void theProductHasEveryPackageTheRulesConstrain() {
        // Exact, so a new top-level package fails here until someone decides its rules in ArchitectureRules.
        Set<String> packages = PRODUCT.stream().map(JavaClass::getPackageName)
                .filter(name -> name.startsWith(ArchitectureRules.PRODUCT.root() + "."))
                .map(name -> name.substring(ArchitectureRules.PRODUCT.root().length() + 1).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("accumulate", "app", "batch", "cli", "format", "gate", "io", "kernel", "loss", "report",
                "text"), packages);
        assertTrue(PRODUCT.contain(ArchitectureRules.PRODUCT.main()), "the entry point is imported");
        assertTrue(PRODUCT.stream().noneMatch(c -> c.getPackageName().startsWith(RULES.root())),
                "the product's import leaves out the test tree, fixtures included");
    }

    @Test
    void everyConfinedLibraryIsUsedWhereItIsAllowed() {
        ArchitectureRules product = ArchitectureRules.PRODUCT;
        // "no class of X should use L" must fail on the product: then L's pattern matches real dependencies.
        assertUsed(noClasses().that().resideInAPackage(product.layer("cli"))
                .should().dependOnClassesThat().resideInAPackage(ArchitectureRules.PICOCLI));
        assertUsed(noClasses().that().haveNameMatching(product.vectorKernelNames())
                .should().dependOnClassesThat().resideInAPackage(ArchitectureRules.VECTOR_API));
        // Hadoop is left out: io never names a Hadoop type, parquet-hadoop links the few it needs. Its
        // pattern is still proven against a real Hadoop class by app.UsesHadoopPaths above.
        for (String library : List.of(ArchitectureRules.COMMONS_CSV, ArchitectureRules.PARQUET,
                ArchitectureRules.FAST_DOUBLE_PARSER)) {
            assertUsed(noClasses().that().resideInAPackage(product.layer("io"))
                    .should().dependOnClassesThat().resideInAPackage(library));
        }
        // Main writes stdout through FileDescriptor.out, so System.err, System.in and System.exit are its uses.
        assertUsed(noClasses().that().haveFullyQualifiedName(product.main()).should().accessField(System.class, "err"));
        assertUsed(noClasses().that().haveFullyQualifiedName(product.main()).should().accessField(System.class, "in"));
        assertUsed(noClasses().that().haveFullyQualifiedName(product.main())
                .should().callMethod(System.class, "exit", int.class));
    }

    private static void assertUsed(ArchRule inverse) {
        assertTrue(inverse.evaluate(PRODUCT).hasViolation(), "expected a use on the product: " + inverse.getDescription());
    }

    /** The rule's violations on the fixtures come from exactly these classes (relative to the fixture root). */
    private static void assertViolators(ArchRule rule, String... expected) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        Set<String> violators = new TreeSet<>();
        result.handleViolations((Collection<Object> objects, String message) -> {
            for (Object object : objects) violators.add(fixtureName(origin(object, message)));
        });
        assertEquals(new TreeSet<>(List.of(expected)), violators, rule.getDescription());
    }

    private static JavaClass origin(Object violation, String message) {
        if (violation instanceof Dependency dependency) return dependency.getOriginClass();
        if (violation instanceof JavaAccess<?> access) return access.getOriginOwner();
        if (violation instanceof TryCatchBlock block) return block.getOwner().getOwner();
        throw new AssertionError("unexpected kind of violation " + violation.getClass().getName() + ": " + message);
    }

    /** "report.ReadsAState" for org.losseval.archfixture.report.ReadsAState and its nested classes. */
    private static String fixtureName(JavaClass origin) {
        String name = origin.getName().replaceFirst("\\$.*", "");
        return name.substring(RULES.root().length() + 1);
    }

    /** The packages of each cycle the rule finds on the fixtures. */
    private static List<Set<String>> cycles(ArchRule rule) {
        List<Set<String>> cycles = new ArrayList<>();
        rule.evaluate(FIXTURES).handleViolations((Collection<Cycle<?>> found, String message) -> {
            for (Cycle<?> cycle : found) {
                Set<String> packages = new TreeSet<>();
                for (Edge<?> edge : cycle.getEdges()) packages.add(((Slice) edge.getOrigin()).getNamePart(1));
                cycles.add(packages);
            }
        });
        return cycles;
    }
}
