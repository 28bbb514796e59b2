package pl.okienko.dashboard.incidents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import pl.okienko.dashboard.platform.config.OkienkoProperties;
import pl.okienko.dashboard.platform.kafka.KafkaConfiguration;
import pl.okienko.dashboard.platform.kafka.StreamsApplication;
import pl.okienko.dashboard.platform.kafka.StreamsRuntime;
import pl.okienko.processors.incidents.IncidentConfig;
import pl.okienko.processors.incidents.IncidentTopology;
import pl.okienko.processors.incidents.IncidentViews;

/** The incident topology (I1) and the views read from its stores. */
@Configuration(proxyBeanMethods = false)
public class IncidentsConfiguration {

    @Bean
    @Order(4)
    StreamsApplication incidentsApplication(OkienkoProperties properties, IncidentChanges changes) {
        return new StreamsApplication(KafkaConfiguration.INCIDENTS_APPLICATION_ID, () -> IncidentTopology.build(
                IncidentConfig.defaults().withRetention(properties.retention().resolvedIncidents(),
                        properties.retention().unresolvedReports()), changes));
    }

    @Bean
    IncidentViews incidentViews(StreamsRuntime runtime) {
        return new IncidentViews(runtime.storeAccess(KafkaConfiguration.INCIDENTS_APPLICATION_ID));
    }
}
