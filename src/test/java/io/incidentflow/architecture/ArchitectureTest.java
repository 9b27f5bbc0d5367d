package io.incidentflow.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;

/** The structure the code keeps: one rule per field, each saying why. */
@AnalyzeClasses(packages = "io.incidentflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String WEB = "io.incidentflow.web..";

    /** Exceptions that carry an HTTP answer: Spring's (ResponseStatusException and kin) and any of our web layer. */
    private static final DescribedPredicate<JavaClass> WEB_EXCEPTIONS = assignableTo(ErrorResponseException.class)
            .or(resideInAPackage(WEB).and(assignableTo(Throwable.class)))
            .as("web exception types");

    /** The engine services that change process state or identities, and the engine's internals. */
    private static final DescribedPredicate<JavaClass> ENGINE_DOORS = assignableTo(RuntimeService.class)
            .or(assignableTo(TaskService.class))
            .or(assignableTo(IdentityService.class))
            .or(resideInAPackage("org.camunda.bpm.engine.impl.."))
            .as("Camunda's RuntimeService, TaskService, IdentityService or engine internals (org.camunda.bpm.engine.impl..)");

    /** @RestController is meta-annotated with @Controller, so this finds both (but not the annotation types). */
    private static final DescribedPredicate<JavaClass> CONTROLLERS = metaAnnotatedWith(Controller.class)
            .<JavaClass>forSubtype()
            .and(not(describe("annotations", JavaClass::isAnnotation)))
            .as("controllers");

    /** A controller's own request and answer records may use it: they are part of the same edge. */
    private static final DescribedPredicate<JavaClass> INSIDE_A_CONTROLLER = describe("declared inside a controller",
            javaClass -> javaClass.getEnclosingClass().filter(CONTROLLERS::test).isPresent());

    @ArchTest
    static final ArchRule webExceptionsStayInWeb = noClasses()
            .that().resideOutsideOfPackage(WEB)
            .should().dependOnClassesThat(WEB_EXCEPTIONS)
            .because("services, delegates and controllers refuse with the domain's exceptions (common.DomainException) "
                    + "and only web.ApiExceptionHandler turns them into HTTP answers, so every error has one format "
                    + "and the domain runs the same inside the engine as behind the API");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.incidentflow.(**)")
            .should().beFreeOfCycles()
            .because("every package, sub-packages included (incident and incident.process are two), can then be read, "
                    + "tested and changed from the bottom up; a lower package that must tell a higher one something "
                    + "publishes an event or declares a small port (interface) that the higher one implements");

    @ArchTest
    static final ArchRule onlyTheEngineDoorTalksToTheEngine = noClasses()
            .that().resideOutsideOfPackages(
                    "io.incidentflow.engine..",
                    "io.incidentflow.modelgate..",
                    "io.incidentflow.modelimpact..",
                    "io.incidentflow.processstate..",
                    "io.incidentflow.security..",
                    "io.incidentflow.tasklist..",
                    "io.incidentflow.demo..")
            .should().dependOnClassesThat(ENGINE_DOORS)
            .because("services start, correlate and read process state only through engine.ProcessAdapter and typed "
                    + "ProcessVariables, and read people through engine.Identities, so a variable name or an engine "
                    + "call has one place; delegates use only the delegate API (DelegateExecution). The exceptions "
                    + "plug into the engine itself: modelgate (deployer and expression manager plugins), modelimpact "
                    + "(runs the model gate and the DMN engine of that configuration on a candidate model), "
                    + "processstate (checks forms and task permissions of the engine REST API), security (owns the "
                    + "Camunda users, groups and authorizations that are our roles, the password-check plugin and "
                    + "the Cockpit session login), tasklist (a parse listener plugin on every user task, and the "
                    + "Tasklist filters it keeps per group) and demo (seeds users and Tasklist filters as an "
                    + "administrator would)");

    @ArchTest
    static final ArchRule controllersAreLeaves = noClasses()
            .that(not(INSIDE_A_CONTROLLER))
            .should().dependOnClassesThat(CONTROLLERS)
            .because("a controller is the HTTP edge of a feature: what it does for a request lives in a service that "
                    + "others call, so nothing breaks when an endpoint moves or changes");
}
