package io.incidentflow.modelgate;

import io.incidentflow.engine.EngineApiPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A deployment request that is not multipart form data gets a 400 that says what a deployment is. The engine
 * REST API would answer it with a 500 (a NullPointerException in its multipart reader).
 */
class DeploymentRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/deployment/create")
                && (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data"))) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.getOutputStream().write(("{\"type\":\"InvalidRequestException\",\"message\":\"A deployment is "
                    + "sent as multipart/form-data with the model files as parts (as Camunda Modeler does)\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<DeploymentRequestFilter> deploymentRequestFilter(EngineApiPaths paths) {
            FilterRegistrationBean<DeploymentRequestFilter> registration = new FilterRegistrationBean<>(new DeploymentRequestFilter());
            registration.addUrlPatterns(paths.rest() + "/deployment/create", paths.webappEngineApi() + "/engine/*");
            return registration;
        }
    }
}
