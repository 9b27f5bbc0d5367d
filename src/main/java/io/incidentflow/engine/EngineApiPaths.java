package io.incidentflow.engine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the engine's HTTP APIs are mounted: the engine REST API and the Camunda webapps with their own copy of
 * it (Tasklist, Cockpit). Both move with a setting; the filters that guard them read the paths here, without
 * slashes at the end, so they all agree.
 */
@Component
public class EngineApiPaths {

    private final String rest;
    private final String webapps;

    public EngineApiPaths(@Value("${spring.jersey.application-path:/engine-rest}") String restPath,
                          @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        this.rest = mountPoint(restPath);
        this.webapps = mountPoint(webappPath);
    }

    /** The engine REST API, e.g. {@code /engine-rest}. */
    public String rest() {
        return rest;
    }

    /** The Camunda webapps, e.g. {@code /camunda}; empty when they are served at the root. */
    public String webapps() {
        return webapps;
    }

    /** The webapps' copy of the engine REST API, e.g. {@code /camunda/api/engine}. */
    public String webappEngineApi() {
        return webapps + "/api/engine";
    }

    private static String mountPoint(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? "" : "/" + trimmed;
    }
}
