package org.losseval;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The layering of DESIGN.md as ArchUnit rules over the classes under one package root: {@link #PRODUCT}
 * ({@code org.losseval}) for the product, checked by {@link ArchitectureTest}, and {@link #FIXTURES}
 * ({@code org.losseval.archfixture}) for classes that break each rule on purpose, checked by
 * {@link ArchitectureRulesTest}. Both run the same code, so a rule proven to fire on the fixtures cannot
 * pass on the product merely because it matches nothing.
 *
 * <p>Every rule sets {@code allowEmptyShould(false)}: a rule whose "that" clause selects no class fails
 * instead of passing (also ArchUnit's default, made explicit so an {@code archunit.properties} cannot
 * turn it off). A dependency is what ArchUnit sees in the bytecode (fields, signatures, calls, annotations,
 * ...) and, added here, the type a {@code catch} clause names, which ArchUnit 1.4 does not count: a class
 * that only catches {@code io.InputException} would otherwise pass "cli never depends on io".
 */
final class ArchitectureRules {
    static final ArchitectureRules PRODUCT = new ArchitectureRules("org.losseval");
    static final ArchitectureRules FIXTURES = new ArchitectureRules("org.losseval.archfixture");

    static final String PICOCLI = "picocli..";
    static final String VECTOR_API = "jdk.incubator.vector..";
    /** The libraries only {@code io} may use. */
    static final String COMMONS_CSV = "org.apache.commons.csv..";
    static final String PARQUET = "org.apache.parquet..";
    static final String HADOOP = "org.apache.hadoop..";
    static final String FAST_DOUBLE_PARSER = "ch.randelshofer.fastdoubleparser..";
    /** The layers that must stay usable without the command-line tool (the Spark module reuses them). */
    static final List<String> REUSABLE = List.of("batch", "loss", "kernel", "accumulate", "report", "text");
    /** What the reusable layers must not know: reading files, printing, the command line, the evaluator. */
    static final List<String> APPLICATION = List.of("io", "format", "cli", "app");
    /** What report must not know: it is the model the other layers produce and read. */
    static final List<String> NOT_IN_REPORT = List.of("io", "format", "cli", "app", "accumulate", "kernel");

    private final String root;

    private ArchitectureRules(String root) {
        this.root = root;
    }

    String root() {
        return root;
    }

    /** {@code root.name..}: the package and its subpackages. */
    String layer(String name) {
        return root + "." + name + "..";
    }

    private String[] layers(List<String> names) {
        return names.stream().map(this::layer).toArray(String[]::new);
    }

    /** The entry point's full name. */
    String main() {
        return root + ".Main";
    }

    /** The kernel package's {@code Vector*} classes, nested ones included. */
    String vectorKernelNames() {
        return Pattern.quote(root + ".kernel.Vector") + "[^.]*";
    }

    ArchRule picocliOnlyInCli() {
        return noClasses().that().resideOutsideOfPackage(layer("cli"))
                .should(dependOnOrCatch(PICOCLI))
                .because("picocli belongs to the cli package").allowEmptyShould(false);
    }

    ArchRule vectorApiOnlyInVectorKernels() {
        return noClasses().that().haveNameNotMatching(vectorKernelNames())
                .should(dependOnOrCatch(VECTOR_API))
                .because("the Vector API belongs to the kernel package's Vector* classes, which are loaded only"
                        + " when the module is").allowEmptyShould(false);
    }

    /** @param library {@link #COMMONS_CSV}, {@link #PARQUET}, {@link #HADOOP} or {@link #FAST_DOUBLE_PARSER} */
    ArchRule libraryOnlyInIo(String library) {
        return noClasses().that().resideOutsideOfPackage(layer("io"))
                .should(dependOnOrCatch(library))
                .because("library types never leave io").allowEmptyShould(false);
    }

    ArchRule reportAndFormatNeverDependOnAccumulate() {
        return noClasses().that().resideInAnyPackage(layer("report"), layer("format"))
                .should(dependOnOrCatch(layer("accumulate")))
                .because("report owns the result records: accumulate produces them, format reads them")
                .allowEmptyShould(false);
    }

    ArchRule reportDependsOnNoOtherLayer() {
        return noClasses().that().resideInAPackage(layer("report"))
                .should(dependOnOrCatch(layers(NOT_IN_REPORT)))
                .because("the report model is what the other layers produce and read").allowEmptyShould(false);
    }

    ArchRule reusableLayersNeverDependOnTheApplication() {
        return noClasses().that().resideInAnyPackage(layers(REUSABLE))
                .should(dependOnOrCatch(layers(APPLICATION)))
                .because("batch, loss, kernel, accumulate, report and text are reused without files, printers"
                        + " or the command line").allowEmptyShould(false);
    }

    ArchRule cliNeverDependsOnKernelOrIo() {
        return noClasses().that().resideInAPackage(layer("cli"))
                .should(dependOnOrCatch(layer("kernel"), layer("io")))
                .because("cli turns options into a request and delegates to app, which owns the flow")
                .allowEmptyShould(false);
    }

    ArchRule standardStreamsAndExitOnlyInMain() {
        return noClasses().that().doNotHaveFullyQualifiedName(main())
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().accessField(System.class, "in")
                .orShould().callMethod(System.class, "exit", int.class)
                .because("only the entry point touches the process's standard streams and exit status; every"
                        + " other class writes to the writers it is given").allowEmptyShould(false);
    }

    /** Depend on, or catch an exception of, a class in one of these packages (ArchUnit's package syntax). */
    static ArchCondition<JavaClass> dependOnOrCatch(String... packages) {
        return ArchConditions.dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(packages))
                .or(catchTypesIn(packages));
    }

    /** Name, in a catch clause, a class in one of these packages. */
    static ArchCondition<JavaClass> catchTypesIn(String... packages) {
        PackageMatchers matchers = PackageMatchers.of(packages);
        return new ArchCondition<>("catch exceptions of classes in " + List.of(packages)) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
                    for (TryCatchBlock block : unit.getTryCatchBlocks()) {
                        for (JavaClass caught : block.getCaughtThrowables()) {
                            boolean matches = matchers.test(caught.getPackageName());
                            events.add(new SimpleConditionEvent(block, matches, unit.getFullName() + " catches <"
                                    + caught.getName() + "> in " + block.getSourceCodeLocation()));
                        }
                    }
                }
            }
        };
    }

    ArchRule noCyclesBetweenTopLevelPackages() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(false);
    }
}
