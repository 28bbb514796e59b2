package pl.okienko.dashboard.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import pl.okienko.dashboard.IntegrationTest;
import pl.okienko.schemas.EventTypes;

/** The OpenAPI description at {@code /v3/api-docs}: public, and complete for every {@code /api/v1} endpoint. */
class OpenApiIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void describesEveryApiV1EndpointTheControllersMapWithoutSignIn() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(response.body()).path("paths");
        Map<String, Set<String>> mapped = apiV1Mappings();
        assertThat(mapped).as("the controllers' /api/v1 mappings").containsKeys("/api/v1/events", "/api/v1/schemas");
        Map<String, Set<String>> described = new TreeMap<>();
        paths.properties().forEach(path -> {
            Set<String> methods = new TreeSet<>();
            path.getValue().properties().forEach(method -> methods.add(method.getKey()));
            described.put(path.getKey(), methods);
        });
        mapped.forEach((path, methods) -> assertThat(described).as("OpenAPI paths")
                .hasEntrySatisfying(path, documented -> assertThat(documented).as(path).containsAll(methods)));
        assertThat(described.keySet()).as("nothing but /api/v1").allMatch(path -> path.startsWith("/api/v1/"));
    }

    @Test
    void describesTheEventBodyByTypeFromTheAvroSchemas() throws Exception {
        JsonNode doc = JSON.readTree(get("/v3/api-docs", null, null).body());

        JsonNode body = doc.at("/paths/~1api~1v1~1events/post/requestBody/content");
        assertThat(body.at("/application~1json/schema/$ref").asString()).isEqualTo("#/components/schemas/Event");
        assertThat(body.at("/application~1x-ndjson/schema/$ref").asString()).isEqualTo("#/components/schemas/Event");
        JsonNode event = doc.at("/components/schemas/Event");
        assertThat(event.path("oneOf")).hasSize(EventTypes.all().size());
        assertThat(event.at("/discriminator/mapping/ticket_issued").asString()).isEqualTo("#/components/schemas/TicketIssuedEvent");
        JsonNode ticketIssued = doc.at("/components/schemas/TicketIssuedEvent");
        assertThat(ticketIssued.path("required")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("eventId", "type", "officeId", "occurredAt", "source", "ticketId", "queueId");
        assertThat(ticketIssued.at("/properties/queueId/description").asString()).contains("Q1");
        assertThat(doc.at("/components/schemas/ServicePausedEvent/properties/announcedMinutes/maximum").asInt()).isEqualTo(1440);
    }

    @Test
    void describesTheDayAndPeriodQueryParametersOfEveryReadApi() throws Exception {
        JsonNode paths = JSON.readTree(get("/v3/api-docs", null, null).body()).path("paths");

        for (String concern : new String[] {"queues", "phone", "email", "complaints", "priority", "incidents", "surveys"}) {
            JsonNode parameters = paths.path("/api/v1/offices/{officeId}/" + concern).path("get").path("parameters");
            assertThat(parameters).as(concern).extracting(parameter -> parameter.path("name").asString())
                    .containsExactly("officeId", "date", "from", "to", "granularity");
            assertThat(parameters.get(1).at("/schema/format").asString()).as(concern).isEqualTo("date");
            assertThat(parameters.get(4).at("/schema/enum")).as(concern).extracting(JsonNode::asString)
                    .containsExactly("day", "week", "month");
        }
    }

    /** Path → HTTP methods (lower case) of every controller mapping under /api/v1. */
    private Map<String, Set<String>> apiV1Mappings() {
        Map<String, Set<String>> mapped = new TreeMap<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/")) {
                    continue;
                }
                Set<String> names = mapped.computeIfAbsent(openApiPath(pattern), p -> new TreeSet<>());
                (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                        .forEach(method -> names.add(method.name().toLowerCase(Locale.ROOT)));
            }
        }
        return mapped;
    }

    /** A capture-the-rest variable ({@code {*policyKey}}) is an ordinary path parameter in OpenAPI. */
    private static String openApiPath(String pattern) {
        return pattern.replace("{*", "{");
    }
}
