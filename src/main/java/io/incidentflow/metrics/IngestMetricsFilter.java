package io.incidentflow.metrics;

import io.incidentflow.ingest.IngestionService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times the two monitoring event endpoints and counts their answers by outcome. It wraps the whole
 * request, so refusals (bad key, invalid payload, rate limit) are counted too; what an accepted event
 * did comes from the request attribute {@link IngestionService#RESULT_ATTRIBUTE} the endpoints set.
 */
class IngestMetricsFilter extends OncePerRequestFilter {

    /** Endpoint path to event format, the {@code format} tag. */
    static final Map<String, String> FORMATS = Map.of(
            "/api/events/alertmanager", "alertmanager",
            "/api/events/v2/enqueue", "pagerduty");

    private final IncidentMetrics metrics;

    IngestMetricsFilter(IncidentMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        boolean thrown = true;
        try {
            chain.doFilter(request, response);
            thrown = false;
        } finally {
            String format = FORMATS.getOrDefault(request.getServletPath(), "unknown");
            metrics.ingested(format, thrown ? "error" : outcome(request, response), System.nanoTime() - started);
        }
    }

    private static String outcome(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(IngestionService.RESULT_ATTRIBUTE) instanceof IngestionService.Result result) {
            return result.name().toLowerCase(Locale.ROOT);
        }
        int status = response.getStatus();
        if (status == 429) {
            return "rate_limited";
        }
        if (status == 401) {
            return "unauthorized";
        }
        if (status == 503) {
            return "busy";
        }
        return status >= 400 && status < 500 ? "rejected" : "error";
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<IngestMetricsFilter> ingestMetricsFilter(IncidentMetrics metrics) {
            FilterRegistrationBean<IngestMetricsFilter> registration =
                    new FilterRegistrationBean<>(new IngestMetricsFilter(metrics));
            registration.setUrlPatterns(FORMATS.keySet());
            return registration;
        }
    }
}
