package io.incidentflow.catalog;

import io.incidentflow.common.FieldProblem;
import io.incidentflow.common.InvalidInputException;
import io.incidentflow.common.NotFoundException;
import io.incidentflow.security.ResolverGroupDeclared;
import io.incidentflow.security.Roles;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ServiceCatalog {

    /** Written by service continuity, never by a catalog edit: an edit naming them is refused, not ignored. */
    static final Set<String> WRITTEN_BY_CONTINUITY = Set.of("drPlanUpdated", "lessonsLearned", "drTestPlanned");

    private final BusinessServiceRepository repository;
    private final ApplicationEventPublisher events;
    private final Validator validator;

    public ServiceCatalog(BusinessServiceRepository repository, ApplicationEventPublisher events, Validator validator) {
        this.repository = repository;
        this.events = events;
        this.validator = validator;
    }

    @Transactional(readOnly = true)
    public Optional<BusinessService> find(String serviceId) {
        return serviceId == null ? Optional.empty() : repository.findById(serviceId);
    }

    @Transactional(readOnly = true)
    public BusinessService get(String serviceId) {
        return find(serviceId).orElseThrow(() -> new NotFoundException("service", serviceId));
    }

    @Transactional(readOnly = true)
    public List<BusinessService> all() {
        return repository.findAllByOrderByIdAsc();
    }

    /** Adds a service unless one with its id exists: edits made since through the API are kept. */
    @Transactional
    public boolean addIfMissing(ServiceDefinition definition) {
        if (repository.existsById(definition.id())) {
            return false;
        }
        save(new BusinessService(definition));
        return true;
    }

    @Transactional
    public BusinessService create(ServiceDefinition definition) {
        requireValid(definition);
        if (repository.existsById(definition.id())) {
            throw new InvalidInputException("id", "a service with id '" + definition.id()
                    + "' exists already (change it with PUT /api/services/" + definition.id() + ")");
        }
        return save(new BusinessService(definition));
    }

    @Transactional
    public BusinessService update(String serviceId, ServiceDefinition definition) {
        BusinessService service = get(serviceId);
        if (definition.id() != null && !definition.id().equals(serviceId)) {
            throw new InvalidInputException("id", "must be '" + serviceId + "' as in the path, or absent");
        }
        ServiceDefinition changed = definition.withId(serviceId);
        requireValid(changed);
        service.redefine(changed);
        return save(service);
    }

    /** The post-DR review: the DR plan of each service was reviewed on this date, with these lessons. */
    @Transactional
    public void recordDrReview(List<String> serviceIds, LocalDate reviewedOn, String lessonsLearned) {
        serviceIds.forEach(id -> get(id).reviewDrPlan(reviewedOn, lessonsLearned));
    }

    @Transactional
    public void planDrTest(String serviceId, LocalDate plannedFor) {
        get(serviceId).planDrTest(plannedFor);
    }

    /**
     * Services whose last DR test is older than {@code testedSince} (or that were never tested) and
     * that have no DR test planned from {@code today} on.
     */
    @Transactional(readOnly = true)
    public List<BusinessService> dueForDrTest(LocalDate testedSince, LocalDate today) {
        return all().stream()
                .filter(s -> s.getLastDrTest() == null || s.getLastDrTest().isBefore(testedSince))
                .filter(s -> s.getDrTestPlanned() == null || s.getDrTestPlanned().isBefore(today))
                .toList();
    }

    /** Everything wrong with a definition, each problem naming its field; empty when it is valid. */
    public List<FieldProblem> problems(ServiceDefinition definition) {
        List<FieldProblem> problems = new ArrayList<>(validator.validate(definition).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .toList());
        Map<String, Object> others = definition.otherFields() == null ? Map.of() : definition.otherFields();
        others.keySet().forEach(field -> problems.add(new FieldProblem(field, WRITTEN_BY_CONTINUITY.contains(field)
                ? "is written by service continuity (post-DR review, DR readiness), not by catalog edits"
                : "is not a field of a business service")));
        if (definition.resolverGroup() != null && Roles.isReserved(definition.resolverGroup())) {
            problems.add(new FieldProblem("resolverGroup", "'" + definition.resolverGroup()
                    + "' is a role group, not a group that works incidents"));
        }
        problems.sort(Comparator.comparing(FieldProblem::field));
        return problems;
    }

    private void requireValid(ServiceDefinition definition) {
        List<FieldProblem> problems = problems(definition);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private BusinessService save(BusinessService service) {
        BusinessService saved = repository.save(service);
        events.publishEvent(new ResolverGroupDeclared(saved.getResolverGroup()));
        return saved;
    }
}
