package io.incidentflow.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Writes the API's 401 and 403 answers as JSON {@code {"status":…,"error":…,"message":…}}.
 */
public class JsonSecurityErrorHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    public static final String REALM = "IncidentFlow";

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
        write(response, HttpStatus.UNAUTHORIZED, message);
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
                    + request.getRequestURI();
        }
        write(response, HttpStatus.FORBIDDEN, message);
    }

    void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("message", message);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), body);
    }
}
