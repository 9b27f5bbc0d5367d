package io.incidentflow.security;

import io.incidentflow.engine.EngineApiPaths;
import io.incidentflow.web.ProblemType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the {@link LoginThrottle} in front of every login: HTTP Basic on the API and on the engine REST
 * API, and the webapps' login form. A client that has to wait is answered 429 with {@code Retry-After}
 * (seconds) before any password is checked; otherwise the request runs and the result of its password
 * check ({@link PasswordCheckRecorder}) is counted for that client and user.
 *
 * <p>Ordered before Spring Security and the Camunda filters. The client is {@code getRemoteAddr()}, which
 * honours {@code X-Forwarded-For} only when {@code server.forward-headers-strategy} says so.
 */
@Component
@Order(LoginThrottleFilter.ORDER)
public class LoginThrottleFilter extends OncePerRequestFilter {

    /** After Spring's character encoding filter (the login form is read here), before Spring Security. */
    static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER - 10;

    private static final String API_PREFIX = "/api/";

    private final LoginThrottle throttle;
    private final JsonSecurityErrorHandler errors;
    private final String engineRestPrefix;
    private final Pattern webappLogin;

    public LoginThrottleFilter(LoginThrottle throttle, JsonSecurityErrorHandler errors,
                               EngineApiPaths paths) {
        this.throttle = throttle;
        this.errors = errors;
        this.engineRestPrefix = paths.rest() + "/";
        this.webappLogin = Pattern.compile(Pattern.quote(paths.webapps()) + "/api/admin/auth/user/[^/]+/login/[^/]+/?");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> userId = loginUserId(request);
        if (userId.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        Optional<Duration> wait = throttle.retryAfter(client, userId.get());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            errors.write(request, response, ProblemType.TOO_MANY_LOGINS, "Too many failed logins for user '" + userId.get()
                    + "' from this address: try again in " + seconds + " s");
            return;
        }
        PasswordCheckRecorder.startWatching();
        try {
            chain.doFilter(request, response);
        } finally {
            switch (PasswordCheckRecorder.stopWatching()) {
                case FAILED -> throttle.failed(client, userId.get());
                case SUCCEEDED -> throttle.succeeded(client, userId.get());
                case NOT_CHECKED -> { }
            }
        }
    }

    /** The user id a request logs in as, if it is a login at all. */
    private Optional<String> loginUserId(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(API_PREFIX) || path.startsWith(engineRestPrefix)) {
            return basicUserId(request.getHeader(HttpHeaders.AUTHORIZATION));
        }
        if ("POST".equals(request.getMethod()) && webappLogin.matcher(path).matches()) {
            // Reading the form here leaves it to the webapp as parameters, which is how its login reads it.
            return nonBlank(request.getParameter("username"));
        }
        return Optional.empty();
    }

    private static Optional<String> basicUserId(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : nonBlank(decoded.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty(); // refused without a password check by Spring Security and Camunda alike
        }
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
