package pl.okienko.dashboard.demo;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import pl.okienko.dashboard.platform.config.StartupOffices;
import pl.okienko.directory.Office;
import pl.okienko.simulator.SampleOffices;

/** The demo's three sample offices, published at start-up ({@code --demo}); the town office comes first. */
@Component
@ConditionalOnBooleanProperty("okienko.demo.enabled")
class DemoOffices implements StartupOffices {

    @Override
    public List<Office> offices() {
        return SampleOffices.all();
    }
}
