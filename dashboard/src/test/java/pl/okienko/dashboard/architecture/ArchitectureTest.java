package pl.okienko.dashboard.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import pl.okienko.processors.archfixture.ReachesIntoTheDashboard;

/**
 * The direction of the modules' dependencies: schemas, then topics, then processors, then the
 * dashboard, with the broker (laptop and demo only) and the simulator beside them. Maven already keeps
 * a module from importing one it does not depend on; these rules also hold inside the dashboard, where
 * every module is on the classpath, and name the class that breaks them. The build fails on any. One more
 * rule keeps our code, tests included, on one Jackson line.
 */
class ArchitectureTest {

    private static final String SCHEMAS = "pl.okienko.schemas..";
    private static final String[] GENERATED = {"pl.okienko.events..", "pl.okienko.alerts..", "pl.okienko.directory.."};
    private static final String TOPICS = "pl.okienko.topics..";
    private static final String PROCESSORS = "pl.okienko.processors..";
    private static final String SIMULATOR = "pl.okienko.simulator..";
    private static final String BROKER = "pl.okienko.broker..";
    private static final String DASHBOARD = "pl.okienko.dashboard..";
    /** Kafka, security and web plumbing shared by every concern of the dashboard. */
    private static final String PLATFORM = "pl.okienko.dashboard.platform";

    /**
     * Spring Boot 4 is on Jackson 3; Avro and the broker keep Jackson 2 for themselves, not for us. Jackson 3 keeps
     * the annotations in {@code com.fasterxml.jackson.annotation}, so only databind and core are barred.
     */
    private static final ArchRule ONE_JACKSON_LINE = noClasses().that().resideInAPackage("pl.okienko..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
            .as("our code uses Jackson 3 (tools.jackson), never Jackson 2's databind or core");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("pl.okienko");
    }

    static List<ArchRule> rules() {
        return List.of(
                noClasses().that().resideInAnyPackage(SCHEMAS).or().resideInAnyPackage(GENERATED)
                        .should().dependOnClassesThat().resideInAnyPackage(TOPICS, PROCESSORS, SIMULATOR, BROKER, DASHBOARD)
                        .as("schemas depend on no other module"),
                noClasses().that().resideInAPackage(TOPICS)
                        .should().dependOnClassesThat().resideInAnyPackage(PROCESSORS, SIMULATOR, BROKER, DASHBOARD, "kafka..")
                        .as("the topic catalogue depends on schemas and kafka-clients only"),
                noClasses().that().resideInAPackage(BROKER)
                        .should().dependOnClassesThat().resideInAnyPackage(SCHEMAS, TOPICS, PROCESSORS, SIMULATOR, DASHBOARD)
                        .as("the embedded broker depends on no module of ours"),
                noClasses().that().resideInAPackage(PROCESSORS)
                        .should().dependOnClassesThat().resideInAnyPackage(SIMULATOR, BROKER, DASHBOARD, "org.springframework..")
                        .as("processors depend on schemas and topics only, never on Spring"),
                noClasses().that().resideInAPackage(SIMULATOR)
                        .should().dependOnClassesThat().resideInAnyPackage(BROKER, DASHBOARD)
                        .as("the simulator knows neither the broker nor the dashboard"),
                noClasses().that().resideInAPackage(DASHBOARD).and().resideOutsideOfPackage("pl.okienko.dashboard.demo..")
                        .should().dependOnClassesThat().resideInAPackage(SIMULATOR)
                        .as("only the dashboard's demo package uses the simulator"),
                noClasses().that().resideInAPackage(DASHBOARD).and().resideOutsideOfPackage(PLATFORM + ".kafka..")
                        .should().dependOnClassesThat().resideInAPackage(BROKER)
                        .as("only the dashboard's Kafka plumbing starts the embedded broker"),
                // The office pages compose every concern's sections through the platform's
                // LivePanelSection and DayReportSection beans and the templates' fragments, not by importing them.
                slices().matching("pl.okienko.dashboard.(*)..").namingSlices("dashboard.$1")
                        .should().notDependOnEachOther()
                        .ignoreDependency(alwaysTrue(), resideInAPackage(PLATFORM + ".."))
                        .as("each concern of the dashboard depends on the platform and the processors' views, "
                                + "never on another concern; the platform on no concern"),
                ONE_JACKSON_LINE);
    }

    @Test
    void everyDependencyPointsTheRightWay() {
        rules().forEach(rule -> rule.check(main));
    }

    @Test
    void theDashboardsTestsUseJackson3Only() {
        ONE_JACKSON_LINE.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("pl.okienko"));
    }

    @Test
    void aProcessorThatImportsTheDashboardBreaksTheRules() {
        JavaClasses wrongWay = new ClassFileImporter().importClasses(ReachesIntoTheDashboard.class);

        List<String> broken = rules().stream()
                .filter(rule -> rule.allowEmptyShould(true).evaluate(wrongWay).hasViolation())
                .map(ArchRule::getDescription)
                .toList();

        assertThat(broken).singleElement().asString().contains("processors depend on schemas and topics only");
        EvaluationResult result = rules().get(3).allowEmptyShould(true).evaluate(wrongWay);
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line ->
                assertThat(line).contains(ReachesIntoTheDashboard.class.getName()).contains("OkienkoApplication"));
    }
}
