package pl.okienko.dashboard.correspondence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import pl.okienko.dashboard.platform.kafka.KafkaConfiguration;
import pl.okienko.dashboard.platform.kafka.StreamsApplication;
import pl.okienko.dashboard.platform.kafka.StreamsRuntime;
import pl.okienko.processors.correspondence.CorrespondenceConfig;
import pl.okienko.processors.correspondence.CorrespondenceTopology;
import pl.okienko.processors.correspondence.CorrespondenceViews;

/** The e-mail and complaints topology (E1–E3, C1) and the views read from its stores. */
@Configuration(proxyBeanMethods = false)
public class CorrespondenceConfiguration {

    @Bean
    @Order(5)
    StreamsApplication correspondenceApplication() {
        return new StreamsApplication(KafkaConfiguration.CORRESPONDENCE_APPLICATION_ID,
                () -> CorrespondenceTopology.build(CorrespondenceConfig.defaults()));
    }

    @Bean
    CorrespondenceViews correspondenceViews(StreamsRuntime runtime) {
        return new CorrespondenceViews(runtime.storeAccess(KafkaConfiguration.CORRESPONDENCE_APPLICATION_ID));
    }
}
