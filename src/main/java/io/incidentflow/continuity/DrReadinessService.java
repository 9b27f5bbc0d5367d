package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityVariables.*;

import io.incidentflow.catalog.BusinessService;
import io.incidentflow.catalog.ServiceCatalog;
import io.incidentflow.engine.EngineClock;
import io.incidentflow.engine.ProcessAdapter;
import io.incidentflow.common.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * DR readiness: every service whose DR plan was not tested within the interval gets a "Schedule DR test"
 * task for the team that runs it, one at a time: a DR test scheduling of its own, business key
 * {@code DRTEST-<service id>}, started only while none is running.
 */
@Service
@Transactional
public class DrReadinessService {

    private final ServiceCatalog catalog;
    private final ProcessAdapter engine;
    private final ContinuityProperties properties;

    public DrReadinessService(ServiceCatalog catalog, ProcessAdapter engine, ContinuityProperties properties) {
        this.catalog = catalog;
        this.engine = engine;
        this.properties = properties;
    }

    /** @return the services a DR test scheduling was started for now */
    public List<String> flagServicesDueForTest() {
        LocalDate today = today();
        List<String> flagged = new ArrayList<>();
        for (BusinessService service : catalog.dueForDrTest(today.minus(properties.drTestInterval()), today)) {
            String key = ContinuityModel.drTestKey(service.getId());
            if (!engine.isRunning(ContinuityModel.DR_TEST_PROCESS_KEY, key)) {
                engine.start(ContinuityModel.DR_TEST_PROCESS_KEY, key, variables(service));
                flagged.add(service.getId());
            }
        }
        return flagged;
    }

    /** The date the service's team plans the DR test for, as a Tasklist date field gives it (YYYY-MM-DD). */
    public void recordPlannedTest(String serviceId, String plannedFor) {
        LocalDate date;
        try {
            date = LocalDate.parse(plannedFor == null ? "" : plannedFor);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(DR_TEST_PLANNED_FOR.name(), "must be a date (YYYY-MM-DD)");
        }
        if (date.isBefore(today())) {
            throw new InvalidInputException(DR_TEST_PLANNED_FOR.name(), "must not be in the past");
        }
        catalog.planDrTest(serviceId, date);
    }

    private static Map<String, Object> variables(BusinessService service) {
        Map<String, Object> variables = new HashMap<>();
        SERVICE_ID.putInto(variables, service.getId());
        SERVICE_NAME.putInto(variables, service.getName());
        RESOLVER_GROUP.putInto(variables, service.getResolverGroup());
        BUSINESS_OWNER.putInto(variables, service.getBusinessOwner());
        LAST_DR_TEST.putInto(variables, service.getLastDrTest() == null ? "never" : service.getLastDrTest().toString());
        return variables;
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(EngineClock.now(), ZoneId.systemDefault());
    }
}
