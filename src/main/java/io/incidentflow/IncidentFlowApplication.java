package io.incidentflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IncidentFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(IncidentFlowApplication.class, args);
    }
}
