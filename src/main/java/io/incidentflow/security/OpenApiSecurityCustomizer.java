package io.incidentflow.security;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Declares HTTP Basic (a Camunda user) in the OpenAPI description, so Swagger UI's "Authorize" works;
 * {@code /api/events/**} operations are marked as not using it (they take integration keys).
 */
@Component
public class OpenApiSecurityCustomizer implements OpenApiCustomizer {

    public static final String SCHEME = "camundaUser";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("basic")
                .description("User id and password of a Camunda user; roles are its Camunda groups"));
        openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/events/")) {
                    item.readOperations().forEach(operation -> {
                        if (operation.getSecurity() == null) {
                            operation.setSecurity(List.of());
                        }
                    });
                }
            });
        }
    }
}
