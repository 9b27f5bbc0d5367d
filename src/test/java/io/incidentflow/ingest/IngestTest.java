package io.incidentflow.ingest;

import io.incidentflow.IncidentFlowTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/** The application as {@link IncidentFlowTest}, plus the stand-in security rules of the ingestion paths. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IncidentFlowTest
@Import(IngestTestSecurity.class)
@interface IngestTest {
}
