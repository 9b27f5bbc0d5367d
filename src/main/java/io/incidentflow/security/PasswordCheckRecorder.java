package io.incidentflow.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Tells the {@link LoginThrottleFilter} whether the request it is handling had its password checked, and
 * with what result. All three login paths (the API, the engine REST API, the webapps) end in the engine's
 * {@code IdentityService.checkPassword}; watching that command, instead of guessing from the answer's
 * status, means a request that never checked the password (a path that needs none) cannot clear a
 * client's failures.
 */
@Component
public class PasswordCheckRecorder extends AbstractProcessEnginePlugin {

    /** Per thread, while a login request is watched: null until a password was checked. */
    private static final ThreadLocal<Boolean[]> WATCHED = new ThreadLocal<>();

    /** Result of a password check made on this thread. */
    public enum Outcome { NOT_CHECKED, SUCCEEDED, FAILED }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                T result = next.execute(command);
                Boolean[] watched = WATCHED.get();
                if (watched != null && command instanceof CheckPassword) {
                    // Several checks in one request: one failure is enough to count it as failed.
                    watched[0] = Boolean.TRUE.equals(result) && !Boolean.FALSE.equals(watched[0]);
                }
                return result;
            }
        });
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** Starts watching the password checks made on this thread; {@link #stopWatching()} must follow. */
    static void startWatching() {
        WATCHED.set(new Boolean[1]);
    }

    /** Stops watching and tells what the checks since {@link #startWatching()} found. */
    static Outcome stopWatching() {
        Boolean[] watched = WATCHED.get();
        WATCHED.remove();
        if (watched == null || watched[0] == null) {
            return Outcome.NOT_CHECKED;
        }
        return watched[0] ? Outcome.SUCCEEDED : Outcome.FAILED;
    }
}
