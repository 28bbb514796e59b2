package pl.okienko.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;

import pl.okienko.directory.Office;
import pl.okienko.events.desk.DeskEvent;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.simulator.Days;
import pl.okienko.simulator.SampleOffices;
import pl.okienko.topics.Topics;

/**
 * One simulated business day of many offices, ready to be written: the events in time order,
 * already serialised (so that the raw producer's rate measures the producer, not Avro), plus the
 * first events again as records for the latency phase, which moves them to the present.
 *
 * <p>The offices are numbered clones of the three sample offices (town, county, labour office),
 * so the day has as many Kafka keys as offices and spreads over the partitions the way a real
 * region's offices would.
 */
final class Workload {

    /** A past Monday (the broker refuses timestamps more than an hour ahead): the sample offices' long day, every office open. */
    static final LocalDate DAY = LocalDate.of(2026, 11, 16);

    final List<Office> offices;
    final double scale;
    final int size;
    final String[] keys;
    final byte[][] values;
    final boolean[] desk;
    final long[] timestamps;
    final long bytes;
    final int deskCount;
    final List<SpecificRecord> paced;
    /** The simulated event times of {@link #paced}, which the latency phases overwrite with moved ones. */
    final long[] pacedTimes;

    private Workload(List<Office> offices, double scale, List<SpecificRecord> day, int pacedCount) {
        this.offices = offices;
        this.scale = scale;
        this.size = day.size();
        this.keys = new String[size];
        this.values = new byte[size][];
        this.desk = new boolean[size];
        this.timestamps = new long[size];
        long total = 0;
        int desks = 0;
        for (int i = 0; i < size; i++) {
            SpecificRecord event = day.get(i);
            keys[i] = Days.officeId(event);
            timestamps[i] = Days.occurredAt(event).toEpochMilli();
            if (event instanceof DeskEvent deskEvent) {
                desk[i] = true;
                desks++;
                values[i] = Topics.DESK_EVENTS.valueSerde().serializer().serialize(Topics.DESK_EVENTS.name(), deskEvent);
            } else {
                values[i] = Topics.QUEUE_EVENTS.valueSerde().serializer().serialize(Topics.QUEUE_EVENTS.name(), (QueueEvent) event);
            }
            total += values[i].length + keys[i].length();
        }
        this.bytes = total;
        this.deskCount = desks;
        this.paced = new ArrayList<>(day.subList(0, Math.min(pacedCount, size)));
        this.pacedTimes = Arrays.copyOf(timestamps, paced.size());
    }

    /**
     * Simulates the day. The arrival scale is calibrated on the three sample offices so that
     * {@code offices} offices give about {@code events} events; offices are simulated in parallel
     * and merged by event time, each office keeping its own order.
     */
    static Workload generate(BenchOptions options) {
        List<Office> offices = offices(options.offices());
        double perOffice = Days.generate(DAY, SampleOffices.all(), options.seed(), 1.0).size() / 3.0;
        double scale = options.events() / (perOffice * options.offices());
        List<SpecificRecord> day = offices.parallelStream()
                .map(office -> Days.generate(DAY, List.of(office), options.seed(), scale))
                .flatMap(List::stream)
                .collect(Collectors.toCollection(ArrayList::new));
        day.sort(Comparator.comparing(Days::occurredAt));
        return new Workload(offices, scale, day, Math.toIntExact(options.pacedEvents()));
    }

    /** Office ids like UM-JED-0001, SP-GOS-0001, PUP-LDZ-0001, UM-JED-0002, ... */
    static List<Office> offices(int count) {
        List<Office> offices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Office sample = SampleOffices.all().get(i % 3);
            int number = i / 3 + 1;
            offices.add(Office.newBuilder(sample)
                    .setOfficeId(sample.getOfficeId() + String.format("-%04d", number))
                    .setName(sample.getName() + " (" + number + ")")
                    .build());
        }
        return offices;
    }

    String topic(int i) {
        return desk[i] ? Topics.DESK_EVENTS.name() : Topics.QUEUE_EVENTS.name();
    }

    Instant first() {
        return Instant.ofEpochMilli(timestamps[0]);
    }

    Instant last() {
        return Instant.ofEpochMilli(timestamps[size - 1]);
    }
}
