package io.incidentflow.security;

import io.incidentflow.web.ProblemType;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Writes the security layer's refusals (401, 403, the login throttle's 429) as problem details
 * ({@code application/problem+json}), the format of every other API error; they are written here because they
 * happen in filters, before Spring MVC's exception handling.
 */
public class JsonSecurityErrorHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    public static final String REALM = "IncidentFlow";

    /** The groups a {@code @PreAuthorize(Roles.Has.…)} expression allows. */
    private static final Pattern ALLOWED_GROUP = Pattern.compile("'" + Roles.AUTHORITY_PREFIX + "([^']+)'");

    private final ObjectMapper objectMapper;

    public JsonSecurityErrorHandler(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        String message;
        if (exception instanceof BadCredentialsException || exception instanceof LockedException) {
            message = "Wrong user id or password (after repeated failures this address has to wait before trying again)";
        } else {
            message = "Authentication required: send HTTP Basic credentials of a Camunda user";
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        write(request, response, ProblemType.UNAUTHENTICATED, message);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException exception) throws IOException {
        String message = null;
        if (exception instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof ApiAccessRules.Denied reasoned) {
            message = reasoned.reason();
        }
        if (message == null) {
            String user = CurrentUser.find()
                    .map(u -> "user '" + u.userId() + "' (groups: " + String.join(", ", u.groupIds()) + ")")
                    .orElse("this caller");
            message = "Access denied: " + user + " has no role allowed to " + request.getMethod() + " "
                    + request.getRequestURI() + allowedRoles(exception);
        }
        write(request, response, ProblemType.ACCESS_DENIED, message);
    }

    /** Who may, as far as the refusing {@code @PreAuthorize} expression says. */
    private static String allowedRoles(AccessDeniedException exception) {
        if (exception instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof ExpressionAuthorizationDecision decision) {
            Matcher groups = ALLOWED_GROUP.matcher(decision.getExpression().getExpressionString());
            List<String> allowed = groups.results().map(group -> group.group(1)).toList();
            if (!allowed.isEmpty()) {
                return " (allowed: " + String.join(", ", allowed) + ")";
            }
        }
        return "";
    }

    void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String message)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        ProblemDetail problem = type.problem(message);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
