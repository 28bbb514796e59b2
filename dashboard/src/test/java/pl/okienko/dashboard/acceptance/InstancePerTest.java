package pl.okienko.dashboard.acceptance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;

/**
 * One application instance per test on a data directory of its own, as a {@code @RegisterExtension} field:
 * after the test the instance is killed, and its directory removed only once its broker has let go of the data.
 */
final class InstancePerTest implements BeforeEachCallback, AfterEachCallback {

    private Path dataDir;
    private AppProcess app;

    Path dataDir() {
        return dataDir;
    }

    /** The test's instance on a free port, not started yet. */
    AppProcess create(List<String> settings) throws IOException {
        app = new AppProcess(AppProcess.freePort(), dataDir, settings);
        return app;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("okienko-instance");
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (app != null) {
            app.killAndAwaitBroker();
            app = null;
        }
        FileSystemUtils.deleteRecursively(dataDir);
    }
}
