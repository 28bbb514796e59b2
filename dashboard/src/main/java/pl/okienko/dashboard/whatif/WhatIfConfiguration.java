package pl.okienko.dashboard.whatif;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import pl.okienko.dashboard.platform.config.OkienkoProperties;
import pl.okienko.dashboard.platform.kafka.KafkaCluster;
import pl.okienko.processors.phone.PhoneConfig;
import pl.okienko.schemas.PersonalData;

/** The what-if replays (issue 15): their jobs topic and their runner, started just after the live topologies. */
@Configuration(proxyBeanMethods = false)
public class WhatIfConfiguration {

    @Bean(destroyMethod = "close")
    WhatIfJobs whatIfJobs(KafkaCluster cluster) {
        return new WhatIfJobs(cluster.clientConfig());
    }

    @Bean
    WhatIfReplays whatIfReplays(KafkaCluster cluster, OkienkoProperties properties, PersonalData personalData,
            WhatIfJobs jobs) {
        // the live phone topology's settings, so that only the override differs
        PhoneConfig phone = PhoneConfig.defaults().withMetCallbackRetention(properties.retention().metCallbacks());
        return new WhatIfReplays(cluster, properties.dataDir().resolve("whatif").toAbsolutePath(), personalData, phone,
                jobs, Clock.systemUTC());
    }
}
