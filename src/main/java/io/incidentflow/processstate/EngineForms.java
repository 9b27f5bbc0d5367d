package io.incidentflow.processstate;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The forms the engine actually deployed for a task or a process start, looked up without the caller's
 * authorizations: whether the caller may work the task at all is the engine's decision afterwards, but
 * which fields it may write must not depend on what the caller may read.
 */
@Component
class EngineForms {

    /** A task or process definition the request names; {@code form} empty when it has no Camunda form. */
    record Target(Optional<CamundaForm> form, Map<String, Object> context) {
    }

    private final FormService formService;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;

    EngineForms(FormService formService, TaskService taskService, RepositoryService repositoryService,
                IdentityService identityService) {
        this.formService = formService;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    /** The task's form and the variables its conditions can see; empty when there is no such task. */
    Optional<Target> task(String taskId) {
        return withoutCaller(() -> {
            Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                return Optional.empty();
            }
            return Optional.of(new Target(form(() -> formService.getDeployedTaskForm(taskId)), context(taskId)));
        });
    }

    /** The start form of the definition named by id, or by key (latest version, tenant or none). */
    Optional<Target> start(String definitionId, String key, String tenantId) {
        return withoutCaller(() -> {
            ProcessDefinitionQuery query = repositoryService.createProcessDefinitionQuery();
            if (definitionId != null) {
                query.processDefinitionId(definitionId);
            } else {
                query.processDefinitionKey(key).latestVersion();
                if (tenantId != null) {
                    query.tenantIdIn(tenantId);
                } else {
                    query.withoutTenantId();
                }
            }
            ProcessDefinition definition = query.singleResult();
            if (definition == null) {
                return Optional.empty();
            }
            return Optional.of(new Target(form(() -> formService.getDeployedStartForm(definition.getId())), Map.of()));
        });
    }

    /** What the form's conditions can read besides the submission; without it a hidden field counts as shown. */
    private Map<String, Object> context(String taskId) {
        try {
            return taskService.getVariables(taskId);
        } catch (ProcessEngineException e) {
            return Map.of(); // e.g. a variable that does not deserialize: conditions see the submission only
        }
    }

    private static Optional<CamundaForm> form(Supplier<InputStream> deployed) {
        try (InputStream in = deployed.get()) {
            return Optional.of(CamundaForm.parse(in));
        } catch (ProcessEngineException | IOException e) {
            return Optional.empty(); // no deployed Camunda form (none, or an embedded/external form)
        }
    }

    /** Engine authorization checks apply only while a user is authenticated on the thread. */
    private <T> T withoutCaller(Supplier<T> lookup) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return lookup.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
