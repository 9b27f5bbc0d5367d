package io.incidentflow.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A business service of the catalog. The catalog is the business impact analysis: criticality feeds
 * the priority model, the continuity tier and RTO feed the major-incident time box and the recovery
 * strategy, the resolver group receives the service's escalated incidents.
 */
@Entity
@Table(name = "business_service")
public class BusinessService {

    @Id
    private String id;
    private String name;
    @Enumerated(EnumType.STRING)
    private Criticality criticality;
    @Enumerated(EnumType.STRING)
    @Column(name = "continuity_tier")
    private ContinuityTier continuityTier;
    @Column(name = "rto_minutes")
    private int rtoMinutes;
    @Column(name = "rpo_minutes")
    private int rpoMinutes;
    @Column(name = "resolver_group")
    private String resolverGroup;
    @Column(name = "on_call_schedule")
    private String onCallSchedule;
    @Column(name = "vendor_contact")
    private String vendorContact;
    @Column(name = "business_owner")
    private String businessOwner;
    @Column(name = "last_dr_test")
    private LocalDate lastDrTest;

    protected BusinessService() {
    }

    public BusinessService(String id, String name, Criticality criticality, ContinuityTier continuityTier,
                           int rtoMinutes, int rpoMinutes, String resolverGroup, String onCallSchedule,
                           String vendorContact, String businessOwner, LocalDate lastDrTest) {
        this.id = id;
        this.name = name;
        this.criticality = criticality;
        this.continuityTier = continuityTier;
        this.rtoMinutes = rtoMinutes;
        this.rpoMinutes = rpoMinutes;
        this.resolverGroup = resolverGroup;
        this.onCallSchedule = onCallSchedule;
        this.vendorContact = vendorContact;
        this.businessOwner = businessOwner;
        this.lastDrTest = lastDrTest;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public Criticality getCriticality() { return criticality; }
    public ContinuityTier getContinuityTier() { return continuityTier; }
    public int getRtoMinutes() { return rtoMinutes; }
    public int getRpoMinutes() { return rpoMinutes; }
    public String getResolverGroup() { return resolverGroup; }
    public String getOnCallSchedule() { return onCallSchedule; }
    public String getVendorContact() { return vendorContact; }
    public String getBusinessOwner() { return businessOwner; }
    public LocalDate getLastDrTest() { return lastDrTest; }
}
