package io.incidentflow.processstate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.engine.EngineApiPaths;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the {@link ProcessStateGuard} in front of both engine APIs, behind their authentication filters. */
@Configuration(proxyBeanMethods = false)
class ProcessStateGuardConfiguration {

    @Bean
    FilterRegistrationBean<ProcessStateGuard> processStateGuard(
            EngineApiPaths paths, EngineForms forms, FormValidator validator, ControlVariables controlVariables,
            IdentityService identityService, AuthorizationService authorizationService, ObjectMapper mapper) {
        String rest = paths.rest();
        // The webapps' copy of the engine REST API, used by Tasklist and Cockpit
        String webappEngineApi = paths.webappEngineApi();
        FilterRegistrationBean<ProcessStateGuard> registration = new FilterRegistrationBean<>(new ProcessStateGuard(
                rest, webappEngineApi, forms, validator, controlVariables, identityService, authorizationService, mapper));
        registration.setName("process-state-guard");
        registration.addUrlPatterns(rest + "/*", webappEngineApi + "/*");
        // Mapped after all filters mapped "before" (Spring Security, the engine REST API's authentication
        // filter): the engine user of a REST call is known here. See ProcessStateGuard#caller for the webapps.
        registration.setMatchAfter(true);
        return registration;
    }
}
