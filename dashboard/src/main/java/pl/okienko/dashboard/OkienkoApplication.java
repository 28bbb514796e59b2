package pl.okienko.dashboard;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Okienko's application: starts (or connects to) Kafka, runs the topologies and serves the
 * ingestion API, the read APIs and the dashboard.
 *
 * <p>{@code --demo} is shorthand for {@code --okienko.demo.enabled=true}: sample offices with live
 * simulated traffic, and demo users when none are configured.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OkienkoApplication {

    static final String DEMO_ARGUMENT = "--demo";

    public static void main(String[] args) {
        SpringApplication.run(OkienkoApplication.class, translateArguments(args));
    }

    /** Replaces the {@code --demo} switch by the property it stands for; other arguments pass unchanged. */
    static String[] translateArguments(String[] args) {
        return Arrays.stream(args)
                .map(arg -> DEMO_ARGUMENT.equals(arg) ? "--okienko.demo.enabled=true" : arg)
                .toArray(String[]::new);
    }
}
