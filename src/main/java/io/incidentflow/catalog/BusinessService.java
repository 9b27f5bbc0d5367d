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
 * strategy, the resolver group receives the service's escalated incidents. Service continuity writes
 * back what it learns: the date the DR plan was last reviewed, the lessons learned, the next DR test.
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
    @Column(name = "dr_plan_updated")
    private LocalDate drPlanUpdated;
    @Column(name = "lessons_learned")
    private String lessonsLearned;
    @Column(name = "dr_test_planned")
    private LocalDate drTestPlanned;

    protected BusinessService() {
    }

    BusinessService(ServiceDefinition definition) {
        this.id = definition.id();
        redefine(definition);
    }

    /** Takes over the business impact analysis; what DR reviews wrote back stays. */
    void redefine(ServiceDefinition definition) {
        this.name = definition.name();
        this.criticality = definition.criticality();
        this.continuityTier = definition.continuityTier();
        this.rtoMinutes = definition.rtoMinutes();
        this.rpoMinutes = definition.rpoMinutes();
        this.resolverGroup = definition.resolverGroup();
        this.onCallSchedule = definition.onCallSchedule();
        this.vendorContact = definition.vendorContact();
        this.businessOwner = definition.businessOwner();
        this.lastDrTest = definition.lastDrTest();
    }

    void reviewDrPlan(LocalDate on, String lessons) {
        this.drPlanUpdated = on;
        this.lessonsLearned = lessons;
    }

    void planDrTest(LocalDate on) {
        this.drTestPlanned = on;
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
    public LocalDate getDrPlanUpdated() { return drPlanUpdated; }
    public String getLessonsLearned() { return lessonsLearned; }
    public LocalDate getDrTestPlanned() { return drTestPlanned; }
}
