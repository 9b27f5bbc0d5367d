package io.incidentflow.modelgate;

import io.incidentflow.security.Roles;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * What the engine already has, looked up inside a command as the application (the caller's rights do not
 * matter here): the deployer's view, which an impact check before a deployment must share.
 */
public record EngineModels(CommandContext commandContext) implements ModelGate.Deployed {

    @Override
    public boolean hasProcess(String key) {
        return asApplication(() -> commandContext.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key) != null);
    }

    @Override
    public boolean hasDecision(String key) {
        return asApplication(() -> commandContext.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key) != null);
    }

    @Override
    public boolean hasForm(String key) {
        return asApplication(() -> commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null);
    }

    /** The role groups count as existing before the application creates them after the engine's start. */
    @Override
    public boolean hasGroup(String groupId) {
        return Roles.all().contains(groupId) || asApplication(() -> commandContext.getReadOnlyIdentityProvider().findGroupById(groupId) != null);
    }

    private boolean asApplication(Supplier<Boolean> lookup) {
        try {
            // restores the caller's setting afterwards: the engine deploys without authorization checks
            return commandContext.runWithoutAuthorization(lookup::get);
        } catch (RuntimeException e) {
            return false; // e.g. the key exists in several tenants: not a reference we can resolve
        }
    }
}
