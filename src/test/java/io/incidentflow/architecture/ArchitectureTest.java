package io.incidentflow.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.ErrorResponseException;

/** The structure the code keeps: one rule per field, each saying why. */
@AnalyzeClasses(packages = "io.incidentflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String WEB = "io.incidentflow.web..";

    /** Exceptions that carry an HTTP answer: Spring's (ResponseStatusException and kin) and any of our web layer. */
    private static final DescribedPredicate<JavaClass> WEB_EXCEPTIONS = assignableTo(ErrorResponseException.class)
            .or(resideInAPackage(WEB).and(assignableTo(Throwable.class)))
            .as("web exception types");

    @ArchTest
    static final ArchRule webExceptionsStayInWeb = noClasses()
            .that().resideOutsideOfPackage(WEB)
            .should().dependOnClassesThat(WEB_EXCEPTIONS)
            .because("services, delegates and controllers refuse with the domain's exceptions (common.DomainException) "
                    + "and only web.ApiExceptionHandler turns them into HTTP answers, so every error has one format "
                    + "and the domain runs the same inside the engine as behind the API");
}
