package io.incidentflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.engine.EngineApiPaths;
import io.incidentflow.web.ProblemType;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Web security of IncidentFlow.
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic against the Camunda identity service, authorities
 *       {@code GROUP_<groupId>}, stateless, no CSRF, 401/403 as problem details.</li>
 *   <li>{@code /api/events/**}: a chain of its own, open: monitoring systems authenticate there with their
 *       integration keys, checked by the endpoints.</li>
 *   <li>{@code /cockpit-api/**}: the Cockpit plugin's read-only endpoints, authenticated by the caller's Camunda
 *       webapp session ({@link CockpitSessionAuthenticationFilter}), authorities as on {@code /api}; GET only,
 *       401/403 problem details without a Basic challenge (the browser must not pop up a password dialog).</li>
 *   <li>Everything else: left to its owner. The Camunda webapps ({@code /camunda/**}) have their own
 *       login and CSRF protection; the engine REST API ({@code /engine-rest/**}) is protected by
 *       Camunda's {@link ProcessEngineAuthenticationFilter} (HTTP Basic); health, Prometheus, Swagger
 *       UI, API docs and {@code /status} are public, and so are acknowledgement links ({@code /ack/<token>}) and bridge join links ({@code /join/<token>}),
 *       which carry their own HMAC-signed, expiring credential. Any other path is refused.</li>
 * </ul>
 * Method security is on: controllers say who may call them with {@code @PreAuthorize(Roles.Has.…)}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfig {

    /** Paths the second chain lets through without any Spring Security check. */
    static final String[] PUBLIC_PATHS = {
            "/", "/error", "/favicon.ico",
            "/camunda", "/camunda/**",
            "/engine-rest", "/engine-rest/**",
            "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info",
            "/swagger-ui.html", "/swagger-ui/**", "/api-docs", "/api-docs/**",
            "/status", "/status/**",
            // acknowledgement links of pages: the signed token in the path is the credential
            "/ack/*",
            // personal bridge join links of major incidents: the same kind of signed token
            "/join/*"
    };

    @Bean
    JsonSecurityErrorHandler jsonSecurityErrorHandler(ObjectMapper objectMapper) {
        return new JsonSecurityErrorHandler(objectMapper);
    }

    /**
     * The monitoring endpoints authenticate by their integration key, in the body or a Bearer header, and nothing
     * else: no session, no Basic login, no CSRF (machines post there). A chain of their own runs only the filters
     * that this needs; in an alert storm every event went through the whole chain of {@code /api} before.
     */
    @Bean
    @Order(0)
    SecurityFilterChain ingestSecurityFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/events/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
                                               JsonSecurityErrorHandler errors) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(auth -> auth.anyRequest().access(new ApiAccessRules()))
                .httpBasic(basic -> basic.realmName(JsonSecurityErrorHandler.REALM).authenticationEntryPoint(errors))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain cockpitPluginSecurityFilterChain(HttpSecurity http, ProcessEngine engine,
                                                        JsonSecurityErrorHandler errors) throws Exception {
        http.securityMatcher("/cockpit-api/**")
                .addFilterBefore(new CockpitSessionAuthenticationFilter(engine), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/cockpit-api/**").authenticated()
                        .anyRequest().denyAll())
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> errors.write(request, response,
                                ProblemType.UNAUTHENTICATED, "Authentication required: log in to Cockpit"))
                        .accessDeniedHandler(errors))
                // GET only and nothing changes state, so there is nothing for a forged request to do; the
                // session belongs to the webapps, this chain only reads it.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webSecurityFilterChain(HttpSecurity http, JsonSecurityErrorHandler errors) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        // Camunda's first-user setup: the application creates its administrator itself
                        // (AdminBootstrap), and until then anyone could create an administrator here.
                        .requestMatchers("/camunda/api/admin/setup/**").denyAll()
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> errors.write(request, response,
                                ProblemType.ACCESS_DENIED, "Not exposed: " + request.getRequestURI()))
                        .accessDeniedHandler((request, response, e) -> errors.write(request, response,
                                ProblemType.ACCESS_DENIED, "Not exposed: " + request.getRequestURI())))
                // The webapps have their own CSRF protection and sessions; the rest is stateless.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // The webapps set their own security headers and cache their static assets.
                .headers(headers -> headers
                        .cacheControl(cache -> cache.disable())
                        .frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    /** The engine REST API is never anonymous: HTTP Basic against the engine's identity service. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter(EngineApiPaths paths) {
        String path = paths.rest();
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-auth");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, path);
        registration.addUrlPatterns(path + "/*");
        return registration;
    }
}
