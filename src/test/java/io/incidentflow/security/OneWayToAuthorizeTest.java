package io.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Who may call what is stated one way: {@code @PreAuthorize} with {@link Roles.Has}, plus a small bean for rules
 * that depend on the data. A source scan (no Spring context) keeps hand-written role checks out of controllers
 * and services, and role expressions out of string literals spread over the code.
 */
class OneWayToAuthorizeTest {

    private static final Path MAIN = Path.of("src/main/java/io/incidentflow");
    private static final Pattern CONTROLLER_OR_SERVICE = Pattern.compile("^@(RestController|Controller|Service)\\b",
            Pattern.MULTILINE);
    private static final Pattern ROLE_TEST = Pattern.compile(
            "\\.isMemberOf(Any)?\\(|\\.groupIds\\(\\)|getAuthorities\\(\\)|isUserInRole\\(");
    private static final Pattern ROLE_LITERAL = Pattern.compile("has(Any)?(Authority|Role)\\(\\s*'");

    @Test
    void controllersAndServicesDoNotTestRolesByHand() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            String source = Files.readString(file);
            if (CONTROLLER_OR_SERVICE.matcher(source).find() && ROLE_TEST.matcher(source).find()) {
                offenders.add(MAIN.relativize(file).toString());
            }
        }
        assertThat(offenders).as("controllers/services testing the caller's groups themselves; use "
                + "@PreAuthorize(Roles.Has.X) and, for data-dependent rules, an @xxxAccess bean").isEmpty();
    }

    @Test
    void roleExpressionsComeFromRolesHas() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            // the security package defines the expressions and documents them
            if (!file.startsWith(MAIN.resolve("security")) && ROLE_LITERAL.matcher(Files.readString(file)).find()) {
                offenders.add(MAIN.relativize(file).toString());
            }
        }
        assertThat(offenders).as("role expressions written out instead of Roles.Has constants").isEmpty();
    }

    @Test
    void theScanSeesTheCode() throws IOException {
        // guards the two tests above against passing on an empty or moved source tree
        assertThat(sources()).anyMatch(f -> f.endsWith("major/MajorIncidentController.java"));
        String controller = Files.readString(MAIN.resolve("major/MajorIncidentController.java"));
        assertThat(CONTROLLER_OR_SERVICE.matcher(controller).find()).isTrue();
        assertThat(ROLE_TEST.matcher("if (!user.isMemberOfAny(Roles.SERVICE_DESK))").find()).isTrue();
        assertThat(ROLE_LITERAL.matcher("@PreAuthorize(\"hasAnyAuthority('GROUP_x')\")").find()).isTrue();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }
}
