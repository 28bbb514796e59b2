package pl.okienko.dashboard.platform.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import pl.okienko.dashboard.ingest.EventIngestController;
import pl.okienko.processors.period.Granularity;
import pl.okienko.processors.period.Period;
import pl.okienko.schemas.EventFamily;
import pl.okienko.schemas.EventJson;
import pl.okienko.schemas.EventType;
import pl.okienko.schemas.EventTypes;
import pl.okienko.schemas.PersonalData;

/**
 * The OpenAPI description of the {@code /api/v1} endpoints, served at {@code /v3/api-docs} without
 * sign-in. The request body of {@code POST /api/v1/events} is read by hand (JSON or NDJSON), so its
 * event schemas are derived here from the Avro schemas that define the contract: one schema per
 * event type, chosen by {@code type}. The rules (Q1 … S1) each field serves are in the field docs. A read API's
 * {@link DaysAsked} parameter is described as the query parameters {@link DaysAskedResolver} binds it from.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String EVENTS_PATH = "/api/v1/events";
    static final String EVENT_SCHEMA = "Event";
    private static final String COMPONENTS = "#/components/schemas/";
    private static final String API_KEY = "apiKey";
    private static final String BASIC = "basic";

    @Bean
    OpenAPI okienkoOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Okienko API").version("v1")
                        .description("Events from building systems in (POST /api/v1/events, by X-Api-Key); views, alerts and "
                                + "the directory out (HTTP Basic or the pages' session). GET /api/v1/schemas serves the "
                                + "Avro schemas of every topic.")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Api-Key")
                                .description("A building system's key, scoped to its source and offices"))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
    }

    @Bean
    OpenApiCustomizer eventBodyCustomizer() {
        return openApi -> {
            Components components = openApi.getComponents();
            List<io.swagger.v3.oas.models.media.Schema> branches = new ArrayList<>();
            Map<String, String> mapping = new LinkedHashMap<>();
            for (EventType type : EventTypes.all()) {
                String name = type.payloadSchema().getName() + EVENT_SCHEMA;
                components.addSchemas(name, eventSchema(type));
                branches.add(new io.swagger.v3.oas.models.media.Schema<>().$ref(COMPONENTS + name));
                mapping.put(type.name(), COMPONENTS + name);
            }
            components.addSchemas(EVENT_SCHEMA, new ComposedSchema().oneOf(branches)
                    .discriminator(new Discriminator().propertyName(EventJson.TYPE_FIELD).mapping(mapping))
                    .description("One event of any type; docs/events.md lists them with examples."));
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> secure(path, operation)));
            PathItem events = openApi.getPaths().get(EVENTS_PATH);
            if (events != null && events.getPost() != null) {
                describeIngest(events.getPost());
            }
        };
    }

    @Bean
    OperationCustomizer daysAskedParameters() {
        // springdoc would describe the bound DaysAsked as one parameter of its own
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(DaysAsked.class);
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == DaysAsked.class)) {
                operation.addParametersItem(query(DaysAskedResolver.DATE, new DateSchema(),
                                "An office-local day (YYYY-MM-DD): that day's figures instead of the live ones"))
                        .addParametersItem(query(DaysAskedResolver.FROM, new DateSchema(),
                                "The first office-local day of a period, with to"))
                        .addParametersItem(query(DaysAskedResolver.TO, new DateSchema(),
                                "The last office-local day of a period, with from (inclusive, at most "
                                        + Period.MAX_DAYS + " days)"))
                        .addParametersItem(query(DaysAskedResolver.GRANULARITY, new StringSchema()
                                        ._enum(Arrays.stream(Granularity.values()).map(Granularity::toString).toList()),
                                "With a period, its figures also per day, ISO week or month"));
            }
            return operation;
        };
    }

    private static Parameter query(String name, io.swagger.v3.oas.models.media.Schema<?> schema, String description) {
        return new Parameter().in("query").name(name).required(false).schema(schema).description(description);
    }

    private static void secure(String path, Operation operation) {
        if (path.equals(EVENTS_PATH)) {
            operation.addSecurityItem(new SecurityRequirement().addList(API_KEY));
        } else if (!path.startsWith("/api/v1/schemas")) {
            operation.addSecurityItem(new SecurityRequirement().addList(BASIC));
        }
    }

    private static void describeIngest(Operation post) {
        io.swagger.v3.oas.models.media.Schema<?> event = new io.swagger.v3.oas.models.media.Schema<>().$ref(COMPONENTS + EVENT_SCHEMA);
        post.summary("Send events")
                .description("One event as application/json, or a batch as application/x-ndjson (one event per line, at most "
                        + EventIngestController.MAX_LINES + " lines and " + EventIngestController.MAX_BYTES
                        + " bytes). All or nothing: 202 {\"accepted\":n} when every event was written, 400 "
                        + "{\"errors\":[{\"line\":k,\"message\":...}]} naming every bad line, and then nothing is written.")
                .requestBody(new RequestBody().required(true).content(new Content()
                        .addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, new MediaType().schema(event))
                        // NDJSON: each line is one such event
                        .addMediaType("application/x-ndjson", new MediaType().schema(event))));
    }

    private static io.swagger.v3.oas.models.media.Schema<?> eventSchema(EventType type) {
        ObjectSchema schema = new ObjectSchema();
        schema.description(type.payloadSchema().getDoc() == null ? type.family().schema().getDoc() : type.payloadSchema().getDoc());
        schema.additionalProperties(Boolean.FALSE);
        Schema envelope = type.family().schema();
        for (Schema.Field field : envelope.getFields()) {
            if (field.name().equals(EventFamily.PAYLOAD_FIELD)) {
                continue;
            }
            property(schema, field);
            if (field.pos() == 0) {
                schema.addProperty(EventJson.TYPE_FIELD, new StringSchema()._enum(List.of(type.name())).description("The event type"));
                schema.addRequiredItem(EventJson.TYPE_FIELD);
            }
        }
        type.payloadSchema().getFields().forEach(field -> property(schema, field));
        return schema;
    }

    private static void property(ObjectSchema schema, Schema.Field field) {
        io.swagger.v3.oas.models.media.Schema<?> property = of(field, field.schema());
        String doc = field.doc() == null ? "" : field.doc();
        property.description(PersonalData.isPersonal(field) ? "Personal: pseudonymised when accepted. " + doc : doc);
        schema.addProperty(field.name(), property);
        if (!field.hasDefaultValue() && !nullable(field.schema())) {
            schema.addRequiredItem(field.name());
        }
    }

    private static io.swagger.v3.oas.models.media.Schema<?> of(Schema.Field field, Schema avro) {
        return switch (avro.getType()) {
            case UNION -> of(field, avro.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow())
                    .nullable(Boolean.TRUE);
            case STRING -> new StringSchema();
            case BOOLEAN -> new BooleanSchema();
            case INT, LONG -> "timestamp-millis".equals(avro.getProp("logicalType"))
                    ? new StringSchema().format("date-time")
                    : bounded(field, new IntegerSchema());
            case FLOAT, DOUBLE -> new NumberSchema();
            case ENUM -> new StringSchema()._enum(avro.getEnumSymbols());
            case ARRAY -> new ArraySchema().items(of(field, avro.getElementType()));
            case MAP -> new ObjectSchema().additionalProperties(of(field, avro.getValueType()));
            default -> throw new IllegalStateException("no OpenAPI form for " + avro.getType() + " of field " + field.name());
        };
    }

    private static IntegerSchema bounded(Schema.Field field, IntegerSchema schema) {
        if (field.getObjectProp("minimum") instanceof Number min) {
            schema.minimum(new java.math.BigDecimal(min.toString()));
        }
        if (field.getObjectProp("maximum") instanceof Number max) {
            schema.maximum(new java.math.BigDecimal(max.toString()));
        }
        return schema;
    }

    private static boolean nullable(Schema schema) {
        return schema.getType() == Schema.Type.UNION && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
    }
}
