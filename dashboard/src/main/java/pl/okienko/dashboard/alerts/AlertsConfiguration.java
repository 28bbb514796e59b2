package pl.okienko.dashboard.alerts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import pl.okienko.dashboard.platform.kafka.KafkaConfiguration;
import pl.okienko.dashboard.platform.kafka.StreamsApplication;
import pl.okienko.dashboard.platform.kafka.StreamsRuntime;
import pl.okienko.processors.alerts.AlertTopology;
import pl.okienko.processors.alerts.AlertViews;

/** The alert lifecycle topology (Q2, T3, E2, I1 alerts) and the views read from its stores. */
@Configuration(proxyBeanMethods = false)
public class AlertsConfiguration {

    @Bean
    @Order(2)
    StreamsApplication alertsApplication() {
        return new StreamsApplication(KafkaConfiguration.ALERTS_APPLICATION_ID, AlertTopology::build);
    }

    @Bean
    AlertViews alertViews(StreamsRuntime runtime) {
        return new AlertViews(runtime.storeAccess(KafkaConfiguration.ALERTS_APPLICATION_ID));
    }
}
