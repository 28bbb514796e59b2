package pl.okienko.dashboard.surveys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import pl.okienko.dashboard.platform.kafka.KafkaConfiguration;
import pl.okienko.dashboard.platform.kafka.StreamsApplication;
import pl.okienko.dashboard.platform.kafka.StreamsRuntime;
import pl.okienko.processors.surveys.SurveyConfig;
import pl.okienko.processors.surveys.SurveyTopology;
import pl.okienko.processors.surveys.SurveyViews;

/** The client satisfaction survey topology (S1) and the views read from its stores. */
@Configuration(proxyBeanMethods = false)
public class SurveysConfiguration {

    @Bean
    @Order(6)
    StreamsApplication surveysApplication() {
        return new StreamsApplication(KafkaConfiguration.SURVEYS_APPLICATION_ID,
                () -> SurveyTopology.build(SurveyConfig.defaults()));
    }

    @Bean
    SurveyViews surveyViews(StreamsRuntime runtime) {
        return new SurveyViews(runtime.storeAccess(KafkaConfiguration.SURVEYS_APPLICATION_ID));
    }
}
