package pl.okienko.dashboard.phone;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import pl.okienko.dashboard.platform.config.OkienkoProperties;
import pl.okienko.dashboard.platform.kafka.KafkaConfiguration;
import pl.okienko.dashboard.platform.kafka.StreamsApplication;
import pl.okienko.dashboard.platform.kafka.StreamsRuntime;
import pl.okienko.processors.phone.PhoneConfig;
import pl.okienko.processors.phone.PhoneTopology;
import pl.okienko.processors.phone.PhoneViews;
import pl.okienko.schemas.PersonalData;

/** The phone topology (T1–T4, I2) and the views read from its stores. */
@Configuration(proxyBeanMethods = false)
public class PhoneConfiguration {

    @Bean
    @Order(3)
    StreamsApplication phoneApplication(OkienkoProperties properties, PersonalData personalData) {
        return new StreamsApplication(KafkaConfiguration.PHONE_APPLICATION_ID,
                () -> PhoneTopology.build(phoneConfig(properties), personalData));
    }

    @Bean
    PhoneViews phoneViews(StreamsRuntime runtime, OkienkoProperties properties) {
        return new PhoneViews(runtime.storeAccess(KafkaConfiguration.PHONE_APPLICATION_ID), phoneConfig(properties));
    }

    private static PhoneConfig phoneConfig(OkienkoProperties properties) {
        return PhoneConfig.defaults().withMetCallbackRetention(properties.retention().metCallbacks());
    }
}
