package pl.okienko.schemas;

import static org.assertj.core.api.Assertions.assertThat;


import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import pl.okienko.schemas.serde.AvroSerde;

class EventSerdeTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("pl.okienko.schemas.EventTypes#all")
    void shouldRoundTripEveryEventTypeThroughTheKafkaSerde(EventType type) {
        SpecificRecord event = Samples.full(type);
        AvroSerde<SpecificRecord> serde = serdeOf(type.family());

        assertThat(serde.fromBytes(serde.toBytes(event))).isEqualTo(event);
    }

    @SuppressWarnings("unchecked")
    private static AvroSerde<SpecificRecord> serdeOf(EventFamily family) {
        return (AvroSerde<SpecificRecord>) AvroSerde.of(family.envelopeClass());
    }
}
