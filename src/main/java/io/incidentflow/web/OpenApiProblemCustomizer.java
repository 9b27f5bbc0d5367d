package io.incidentflow.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the API's error format once: a {@code Problem} schema (RFC 9457 with the {@code errors} extension),
 * referenced as {@code application/problem+json} by every 4xx and 5xx response of the {@code /api} operations,
 * and the answers every operation can give (400, 401, 403; 404 where the path names something). The monitoring
 * webhooks ({@code /api/events/**}) answer in their senders' formats and are left as they are.
 */
@Component
public class OpenApiProblemCustomizer implements OpenApiCustomizer {

    public static final String PROBLEM = "Problem";
    public static final String FIELD_PROBLEM = "FieldProblem";

    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    private static final Map<String, String> ALWAYS_POSSIBLE = Map.of(
            "400", "Invalid input (`errors` names the fields) or a malformed request",
            "401", "Authentication required",
            "403", "No role allowed to do this, or not allowed for this item");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(FIELD_PROBLEM, fieldProblemSchema());
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/") && !path.startsWith("/api/events/")) {
                item.readOperations().forEach(operation -> document(operation, path.contains("{")));
            }
        });
    }

    private static void document(Operation operation, boolean namesSomething) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        ALWAYS_POSSIBLE.forEach((code, description) -> responses.putIfAbsent(code, new ApiResponse().description(description)));
        if (namesSomething) {
            responses.putIfAbsent("404", new ApiResponse().description("Not found"));
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(new Content().addMediaType(
                        org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
            }
        });
    }

    private static Schema<?> problemSchema() {
        List<String> types = Arrays.stream(ProblemType.values()).map(type -> type.uri().toString()).toList();
        return new ObjectSchema()
                .description("An error (RFC 9457 problem details, application/problem+json)")
                .addProperty("type", new StringSchema().format("uri")._enum(types)
                        .description("The kind of problem; stable, for clients to branch on (not to be fetched)"))
                .addProperty("title", new StringSchema().description("Short name of the kind of problem"))
                .addProperty("status", new IntegerSchema().description("The HTTP status code"))
                .addProperty("detail", new StringSchema().description("What went wrong, for people"))
                .addProperty("instance", new StringSchema().format("uri").description("The request path"))
                .addProperty(ProblemType.ERRORS, new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/" + FIELD_PROBLEM))
                        .description("For invalid input: what is wrong with which field"))
                .required(List.of("type", "title", "status"));
    }

    private static Schema<?> fieldProblemSchema() {
        return new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field, e.g. title or contacts[0].email"))
                .addProperty("reason", new StringSchema().description("What is wrong with it"))
                .required(List.of("field", "reason"));
    }
}
