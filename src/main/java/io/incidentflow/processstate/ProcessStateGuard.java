package io.incidentflow.processstate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentflow.security.Roles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards every way a person writes process variables through the engine's HTTP APIs, the engine REST API
 * and the webapps' copy of it (Tasklist, Cockpit), before Jersey sees the request:
 * <ul>
 *   <li>completing a task ({@code complete}, {@code submit-form}, {@code resolve}) and starting a process
 *       with a start form carry only that form's fields, validated as the form would;</li>
 *   <li>a process without a start form is started without variables, except by camunda-admin;</li>
 *   <li>any other write (variables of tasks, instances and executions, modifications, messages, signals,
 *       conditions ...) is camunda-admin's only, and even they do not write {@link ControlVariables}.</li>
 * </ul>
 * The app's own Java code calls the engine services directly and is not affected. Refusals answer in the
 * engine REST API's error shape {@code {"type", "message"}} plus the {@code field}.
 */
public class ProcessStateGuard extends OncePerRequestFilter {

    private static final String DEFAULT_ENGINE = "default";
    /** {@code engine/<name>/} in front of the resource path; the engine REST API may leave it out. */
    private static final Pattern NAMED_ENGINE = Pattern.compile("engine/([^/]+)/?");

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private static final Pattern TASK_FORM = Pattern.compile("task/([^/]+)/(complete|submit-form|resolve)");
    private static final Pattern START_BY_ID = Pattern.compile("process-definition/([^/]+)/(start|submit-form)");
    private static final Pattern START_BY_KEY =
            Pattern.compile("process-definition/key/([^/]+)(?:/tenant-id/([^/]+))?/(start|submit-form)");
    private static final Pattern VARIABLE_RESOURCE = Pattern.compile(
            "(task|process-instance|execution|case-instance|case-execution)/[^/]+/(variables|localVariables)"
                    + "(?:/([^/]+)(?:/data)?)?");

    /** Body fields that carry variables to write as {name: {value, type}}; queries send arrays instead. */
    private static final List<String> VARIABLE_CARRIERS = List.of("variables", "localVariables",
            "processVariables", "processVariablesLocal", "processVariablesToTriggeredScope", "modifications");
    /** Body fields holding a list of instructions, each of which may carry variables. */
    private static final List<String> INSTRUCTION_LISTS = List.of("instructions", "startInstructions");
    /** Body fields holding an object that carries variables itself (a migration plan sets variables). */
    private static final List<String> NESTED_CARRIERS = List.of("migrationPlan");
    /**
     * Messages, signals and conditions move processes on where they wait for the application (monitoring
     * recovery, acknowledgements, critical events): people act through tasks and the API, not by sending them.
     */
    private static final Pattern ENGINE_EVENT = Pattern.compile(
            "message|signal|condition|execution/[^/]+/(signal|messageSubscriptions/[^/]+/trigger)");
    /**
     * Comments and attachments of a task: Camunda 7 checks nothing when one is added, changed or removed
     * (AddCommentCmd, CreateAttachmentCmd, SaveAttachmentCmd, DeleteAttachmentCmd), so anyone who can see
     * the task, an auditor too, could write them. Here they are written by those who may work the task,
     * the right the engine itself asks for to edit or delete a comment.
     */
    private static final Pattern TASK_NOTE = Pattern.compile("task/([^/]+)/(comment/create|attachment(?:/.*)?)");
    /** Evaluating a decision reads the variables sent and writes no process state. */
    private static final Pattern DECISION_EVALUATION = Pattern.compile("decision-definition/.+/evaluate");

    private final String restPrefix;
    private final String webappPrefix;
    private final EngineForms forms;
    private final FormValidator validator;
    private final ControlVariables controlVariables;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final ObjectMapper mapper;

    /**
     * @param restPrefix   path of the engine REST API, e.g. {@code /engine-rest}
     * @param webappPrefix path of the webapps' engine API, e.g. {@code /camunda/api/engine}
     */
    public ProcessStateGuard(String restPrefix, String webappPrefix, EngineForms forms, FormValidator validator,
                             ControlVariables controlVariables, IdentityService identityService,
                             AuthorizationService authorizationService, ObjectMapper mapper) {
        this.restPrefix = restPrefix;
        this.webappPrefix = webappPrefix;
        this.forms = forms;
        this.validator = validator;
        this.controlVariables = controlVariables;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<EngineCall> call = engineCall(request);
        if (call.isEmpty() || READ_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request);
        try {
            check(call.get(), cached);
        } catch (StateViolation violation) {
            refuse(response, violation);
            return;
        }
        chain.doFilter(cached, response);
    }

    private void check(EngineCall call, CachedBodyRequest request) {
        String path = call.path();
        Supplier<Caller> caller = () -> caller(call, request);
        Matcher m;
        if ((m = TASK_FORM.matcher(path)).matches()) {
            String taskId = m.group(1);
            JsonNode body = json(request);
            forms.task(taskId).ifPresent(task -> submit(task, variables(body, "variables"), List.of(), caller));
        } else if ((m = START_BY_ID.matcher(path)).matches()) {
            JsonNode body = json(request);
            forms.start(m.group(1), null, null).ifPresent(definition -> submit(definition,
                    variables(body, "variables"), instructionVariables(body), caller));
        } else if ((m = START_BY_KEY.matcher(path)).matches()) {
            JsonNode body = json(request);
            forms.start(null, m.group(1), m.group(2)).ifPresent(definition -> submit(definition,
                    variables(body, "variables"), instructionVariables(body), caller));
        } else if ((m = TASK_NOTE.matcher(path)).matches()) {
            Caller who = caller.get();
            if (!who.isAdmin() && !mayWork(who, m.group(1))) {
                throw StateViolation.forbidden(null, "User '" + who.userId() + "' may not work task " + m.group(1)
                        + " and so adds no comment or attachment to it");
            }
        } else if (ENGINE_EVENT.matcher(path).matches() && !caller.get().isAdmin()) {
            throw StateViolation.forbidden(null, "Only camunda-admin sends messages, signals and conditions to"
                    + " processes; people act through their tasks and the IncidentFlow API");
        } else if (!DECISION_EVALUATION.matcher(path).matches()) {
            List<String> names = directWrites(path, request);
            if (!names.isEmpty()) {
                write(names, caller.get());
            }
        }
    }

    /** A form submission: the form decides; without a form it is a direct write of what it sends. */
    private void submit(EngineForms.Target target, Map<String, JsonNode> variables, List<String> otherWrites,
                        Supplier<Caller> caller) {
        List<String> writes = new ArrayList<>(otherWrites);
        if (target.form().isPresent()) {
            validator.validate(target.form().get(), variables, target.context());
        } else {
            writes.addAll(0, variables.keySet());
        }
        if (!writes.isEmpty()) {
            write(writes, caller.get());
        }
    }

    /**
     * TASK_WORK or UPDATE on the task, as the engine grants them to its assignee and candidate groups (this
     * application grants task work per task, never per process definition, except to camunda-admin).
     */
    private boolean mayWork(Caller caller, String taskId) {
        return Stream.of(TaskPermissions.TASK_WORK, TaskPermissions.UPDATE).anyMatch(permission ->
                authorizationService.isUserAuthorized(caller.userId(), caller.groupIds(), permission,
                        Resources.TASK, taskId));
    }

    /** A direct write of named variables: camunda-admin only, and never a control variable. */
    private void write(List<String> names, Caller caller) {
        if (!caller.isAdmin()) {
            throw StateViolation.forbidden(names.get(0), "'" + names.get(0) + "' cannot be written directly;"
                    + " only camunda-admin writes process variables outside a task's form");
        }
        for (String name : names) {
            if (controlVariables.contains(name)) {
                throw StateViolation.invalid(name, "'" + name + "' is a control variable: the process sets it,"
                        + " nobody writes it");
            }
        }
    }

    private List<String> directWrites(String path, CachedBodyRequest request) {
        Matcher m = VARIABLE_RESOURCE.matcher(path);
        if (m.matches() && m.group(3) != null) {
            return List.of(m.group(3));
        }
        if (!request.mayBeJson()) {
            return List.of();
        }
        JsonNode body = parse(request).orElse(null);
        if (body == null || !body.isObject()) {
            return List.of(); // not a write the engine would accept either
        }
        List<String> names = new ArrayList<>();
        for (String carrier : VARIABLE_CARRIERS) {
            names.addAll(variables(body, carrier).keySet());
        }
        names.addAll(instructionVariables(body));
        for (String nested : NESTED_CARRIERS) {
            names.addAll(variables(body.path(nested), "variables").keySet());
        }
        if (m.matches()) {
            body.path("deletions").forEach(name -> names.add(name.asText()));
        }
        return names;
    }

    private static List<String> instructionVariables(JsonNode body) {
        List<String> names = new ArrayList<>();
        for (String list : INSTRUCTION_LISTS) {
            body.path(list).forEach(instruction -> instruction.path("variables").fieldNames()
                    .forEachRemaining(names::add));
        }
        return names;
    }

    /** The variables in an object-valued body field, by name; absent or null means none. */
    private static Map<String, JsonNode> variables(JsonNode body, String field) {
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        JsonNode carrier = body.path(field);
        if (carrier.isObject()) {
            carrier.fields().forEachRemaining(e -> {
                if (!e.getValue().isObject()) {
                    throw StateViolation.invalid(e.getKey(), "'" + e.getKey() + "' must be sent as {value, type}");
                }
                variables.put(e.getKey(), e.getValue());
            });
        }
        return variables;
    }

    /** The body of a form submission; an empty body submits nothing. */
    private JsonNode json(CachedBodyRequest request) {
        if (request.body().length == 0) {
            return mapper.createObjectNode();
        }
        JsonNode body = parse(request).orElseThrow(() ->
                StateViolation.invalid("variables", "the request body is not JSON"));
        if (!body.isObject() || !(body.path("variables").isObject() || body.path("variables").isMissingNode()
                || body.path("variables").isNull())) {
            throw StateViolation.invalid("variables", "'variables' must be an object of name → {value, type}");
        }
        return body;
    }

    private Optional<JsonNode> parse(CachedBodyRequest request) {
        try {
            return Optional.ofNullable(mapper.readTree(request.body()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Who sends the request, and whether they are in camunda-admin. */
    record Caller(String userId, List<String> groupIds) {

        boolean isAdmin() {
            return groupIds != null && groupIds.contains(Roles.CAMUNDA_ADMIN);
        }
    }

    /**
     * The engine user of this request. On the engine REST API its authentication filter, mapped before this
     * one, has set it on the engine. The webapps' own filters may run after this one (their order among
     * equally ordered registrations is not fixed), so there the user is read where they keep it: the user
     * logged in to this engine in the HTTP session.
     */
    private Caller caller(EngineCall call, HttpServletRequest request) {
        Authentication current = identityService.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return new Caller(current.getUserId(), current.getGroupIds());
        }
        HttpSession session = call.webapp() ? request.getSession(false) : null;
        if (session != null && AuthenticationUtil.getAuthsFromSession(session)
                .getAuthenticationForProcessEngine(call.engineName()) instanceof UserAuthentication user) {
            return new Caller(user.getIdentityId(), user.getGroupIds());
        }
        throw StateViolation.unauthenticated();
    }

    /** A call of an engine API: the path below its root without the engine name, e.g. {@code task/42/complete}. */
    record EngineCall(String path, String engineName, boolean webapp) {
    }

    Optional<EngineCall> engineCall(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        path = path.replaceAll("/{2,}", "/").replaceAll("/+$", "");
        Matcher named = NAMED_ENGINE.matcher(path);
        if (path.startsWith(webappPrefix + "/") && named.region(webappPrefix.length() + 1, path.length()).lookingAt()) {
            return Optional.of(new EngineCall(path.substring(named.end()), named.group(1), true));
        }
        if (path.startsWith(restPrefix + "/")) {
            named = NAMED_ENGINE.matcher(path);
            if (named.region(restPrefix.length() + 1, path.length()).lookingAt()) {
                return Optional.of(new EngineCall(path.substring(named.end()), named.group(1), false));
            }
            return Optional.of(new EngineCall(path.substring(restPrefix.length() + 1), DEFAULT_ENGINE, false));
        }
        return Optional.empty();
    }

    private void refuse(HttpServletResponse response, StateViolation violation) throws IOException {
        ObjectNode error = mapper.createObjectNode()
                .put("type", violation.type())
                .put("message", violation.getMessage());
        if (violation.field() != null) {
            error.put("field", violation.field());
        }
        response.setStatus(violation.status());
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            response.getWriter().write(mapper.writeValueAsString(error));
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
    }
}
