package pl.okienko.dashboard.platform.kafka;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Another instance's read of the store partitions this instance holds ({@link RoutedStoreAccess}):
 * answered from the local copies only, never passed on. Only callers with the instances' shared secret
 * reach it (the security configuration's instance chain); it is not part of the public API.
 */
@RestController
public class InstanceQueryController {

    private final StreamsRuntime runtime;

    public InstanceQueryController(StreamsRuntime runtime) {
        this.runtime = runtime;
    }

    @PostMapping(value = "/internal/v1/stores/{applicationId}/query", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public StoreAnswerWire query(@PathVariable String applicationId, @RequestBody StoreQuery query) {
        return StoreAnswerWire.of(runtime.queryHere(applicationId, query));
    }
}
