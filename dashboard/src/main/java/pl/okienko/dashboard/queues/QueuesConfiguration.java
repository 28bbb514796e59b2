package pl.okienko.dashboard.queues;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import pl.okienko.dashboard.platform.kafka.KafkaConfiguration;
import pl.okienko.dashboard.platform.kafka.StreamsApplication;
import pl.okienko.dashboard.platform.kafka.StreamsRuntime;
import pl.okienko.processors.alerts.AlertViews;
import pl.okienko.processors.queues.QueueConfig;
import pl.okienko.processors.queues.QueueTopology;
import pl.okienko.processors.queues.QueueViews;

/** The queue topology (Q1, Q2, P1, P2, Q3–Q5) and the views read from its stores. */
@Configuration(proxyBeanMethods = false)
public class QueuesConfiguration {

    @Bean
    @Order(1)
    StreamsApplication queuesApplication() {
        return new StreamsApplication(KafkaConfiguration.QUEUES_APPLICATION_ID, () -> QueueTopology.build(QueueConfig.defaults()));
    }

    @Bean
    QueueViews queueViews(StreamsRuntime runtime, AlertViews alertViews) {
        return new QueueViews(runtime.storeAccess(KafkaConfiguration.QUEUES_APPLICATION_ID), alertViews);
    }
}
