package pl.okienko.dashboard.ingest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import pl.okienko.dashboard.platform.config.OkienkoProperties;
import pl.okienko.schemas.PersonalData;

/** The pseudonymisation applied to every event before it is written. */
@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

    @Bean
    PersonalData personalData(OkienkoProperties properties) {
        return new PersonalData(PseudonymisationKey.resolve(properties.pseudonymisationKey(), properties.dataDir()));
    }
}
