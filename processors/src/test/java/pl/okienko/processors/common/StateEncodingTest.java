package pl.okienko.processors.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import pl.okienko.processors.queues.state.RecentCall;
import pl.okienko.processors.queues.state.TicketState;
import pl.okienko.processors.queues.state.WaitingEntry;
import pl.okienko.processors.queues.state.WaitingLineState;
import pl.okienko.schemas.serde.AvroSerde;

/**
 * The serde encodes state with the generated classes' own encoders for speed; the bytes in the changelogs must
 * stay exactly those of Avro's generic writer, so that stored state reads the same before and after.
 */
class StateEncodingTest {

    @Test
    void shouldWriteATicketAsAvrosGenericWriterDoes() {
        TicketState ticket = TicketState.newBuilder().setTicketId("A017").setQueueId("A").setPriorityCategory("SENIOR")
                .setIssuedAt(1_763_280_000_000L).setWaitingSince(1_763_280_000_000L).setCalledAt(1_763_280_600_000L)
                .setDeskId("D3").setTouchedAt(1_763_280_600_123L).setOffered(true).setPauseAnnouncedMinutes(5).build();

        assertThat(AvroSerde.of(TicketState.class).toBytes(ticket)).isEqualTo(generic(ticket));
    }

    @Test
    void shouldWriteALineWithItsEntriesAndCallsAsAvrosGenericWriterDoes() {
        WaitingLineState line = new WaitingLineState(
                List.of(new WaitingEntry("A018", 1_763_280_060_000L), new WaitingEntry("A019", 1_763_280_120_000L)),
                List.of(new RecentCall("A017", 1_763_280_000_000L, 1_763_280_600_000L, true, false, true)));

        assertThat(AvroSerde.of(WaitingLineState.class).toBytes(line)).isEqualTo(generic(line));
    }

    /** Avro's single-object encoding by its generic writer: a model of its own, without the classes' encoders. */
    private static byte[] generic(SpecificRecord value) {
        SpecificData model = new SpecificData();
        ByteBuffer buffer = encode(new BinaryMessageEncoder<>(model, value.getSchema()), value);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static ByteBuffer encode(BinaryMessageEncoder<SpecificRecord> encoder, SpecificRecord value) {
        try {
            return encoder.encode(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
