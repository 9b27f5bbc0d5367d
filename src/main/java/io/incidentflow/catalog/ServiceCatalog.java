package io.incidentflow.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ServiceCatalog {

    private final BusinessServiceRepository repository;
    private final ApplicationEventPublisher events;

    public ServiceCatalog(BusinessServiceRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<BusinessService> find(String serviceId) {
        return serviceId == null ? Optional.empty() : repository.findById(serviceId);
    }

    @Transactional(readOnly = true)
    public List<BusinessService> all() {
        return repository.findAllByOrderByIdAsc();
    }

    /** Adds a service unless one with its id exists: edits made since through the API are kept. */
    @Transactional
    public boolean addIfMissing(BusinessService service) {
        if (repository.existsById(service.getId())) {
            return false;
        }
        repository.save(service);
        events.publishEvent(new ResolverGroupDeclared(service.getResolverGroup()));
        return true;
    }
}
