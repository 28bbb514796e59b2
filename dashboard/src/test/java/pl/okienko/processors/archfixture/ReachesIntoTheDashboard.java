package pl.okienko.processors.archfixture;

import pl.okienko.dashboard.OkienkoApplication;

/** A processor class that imports the dashboard: the wrong way round, for ArchitectureTest to catch. */
public final class ReachesIntoTheDashboard {

    private ReachesIntoTheDashboard() {
    }

    public static Class<?> wrongWay() {
        return OkienkoApplication.class;
    }
}
