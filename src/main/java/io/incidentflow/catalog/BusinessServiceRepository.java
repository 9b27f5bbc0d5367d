package io.incidentflow.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BusinessServiceRepository extends JpaRepository<BusinessService, String> {

    List<BusinessService> findAllByOrderByIdAsc();
}
