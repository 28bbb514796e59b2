package pl.okienko.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.avro.specific.SpecificRecord;

import pl.okienko.directory.Office;
import pl.okienko.events.desk.DeskEvent;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.schemas.EventFamily;
import pl.okienko.simulator.Days;
import pl.okienko.simulator.SampleOffices;
import pl.okienko.topics.EventTopics;
import pl.okienko.topics.TopicSpec;
import pl.okienko.topics.Topics;

/**
 * Simulated business-day traffic of many offices, ready to be written: the events in time order,
 * already serialised (so that the raw producer's rate measures the producer, not Avro), each with its
 * topic, plus the first queue and desk events again as records for the latency phase, which moves
 * them to the present.
 *
 * <p>The offices are numbered clones of the three sample offices (town, county, labour office),
 * so the day has as many Kafka keys as offices and spreads over the partitions the way a real
 * region's offices would.
 */
final class Workload {

    /** A past Monday (the broker refuses timestamps more than an hour ahead): the sample offices' long day, every office open. */
    static final LocalDate DAY = LocalDate.of(2026, 11, 16);

    /** Queue and desk events per office in the latency phases' day. */
    static final int LATENCY_EVENTS_PER_OFFICE = 1_200;

    final List<Office> offices;
    final double scale;
    final int size;
    final String[] topics;
    final String[] keys;
    final byte[][] values;
    final long[] timestamps;
    final long bytes;
    /** Events per input topic, in the catalogue's order. */
    final Map<String, Integer> perTopic;
    final List<SpecificRecord> paced;
    /** The simulated event times of {@link #paced}, which the latency phases overwrite with moved ones. */
    final long[] pacedTimes;

    private Workload(List<Office> offices, double scale, List<SpecificRecord> day, int pacedCount) {
        this.offices = offices;
        this.scale = scale;
        this.size = day.size();
        this.topics = new String[size];
        this.keys = new String[size];
        this.values = new byte[size][];
        this.timestamps = new long[size];
        Map<String, Integer> counts = new TreeMap<>(Comparator.comparingInt(Workload::catalogueOrder));
        List<SpecificRecord> queueEvents = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < size; i++) {
            SpecificRecord event = day.get(i);
            keys[i] = Days.officeId(event);
            timestamps[i] = Days.occurredAt(event).toEpochMilli();
            topics[i] = topicOf(event);
            values[i] = serialise(event);
            counts.merge(topics[i], 1, Integer::sum);
            total += values[i].length + keys[i].length();
            if (queueEvents.size() < pacedCount && (event instanceof QueueEvent || event instanceof DeskEvent)) {
                queueEvents.add(event);
            }
        }
        this.bytes = total;
        this.perTopic = counts;
        this.paced = queueEvents;
        this.pacedTimes = paced.stream().mapToLong(e -> Days.occurredAt(e).toEpochMilli()).toArray();
    }

    /**
     * The day of every family at {@code options.offices()} offices. The queue arrival scale is
     * calibrated on the three sample offices so that the queue and desk events number about
     * {@code options.events()}; the other families come as the simulator makes them for each office,
     * so their shares are those of a real day.
     */
    static Workload day(BenchOptions options) {
        return generate(offices(0, options.offices()), options.events(), options.seed(), EnumSet.copyOf(Family.events()), 0, 0);
    }

    /**
     * The latency phases' queue and desk day, whose first {@code options.pacedEvents()} events are paced:
     * the morning and midday of a day of {@link #LATENCY_EVENTS_PER_OFFICE} events per office (an arrival
     * scale of about 1.1), at least {@code options.offices()} offices, so the slice is the same however small
     * the throughput day is.
     */
    static Workload latencyDay(BenchOptions options) {
        long events = options.pacedEvents() * 12 / 7;
        return generate(offices(0, latencyOffices(options)), events, options.seed(), EnumSet.of(Family.QUEUE), 0,
                options.pacedEvents());
    }

    /** Offices of the scaling curve's day: as many as keep the day's arrival scale, at least one per partition of the largest count. */
    static int gridOffices(BenchOptions options) {
        return (int) Math.max(12, Math.round((double) options.offices() * options.gridEvents() / options.events()));
    }

    /** Offices of {@link #latencyDay}. */
    static int latencyOffices(BenchOptions options) {
        return Math.max(options.offices(), (int) Math.ceil(options.pacedEvents() * 12.0 / 7 / LATENCY_EVENTS_PER_OFFICE));
    }

    /** Queue and desk events only, about {@code events} of them at {@code offices} offices (the scaling curve's day). */
    static Workload queueDay(int offices, long events, long seed) {
        return generate(offices(0, offices), events, seed, EnumSet.of(Family.QUEUE), 0, 0);
    }

    /**
     * One family's day at further offices (numbered from {@code firstOffice} on), at least {@code events}
     * of it: the benchmark's top-up of a family too small in one day of the run's offices to be timed.
     *
     * @param perOffice the family's events per office in the run's day, to know how many offices to add
     * @param surveysPerOffice survey answers per added office (their queues are not simulated)
     */
    static Workload topUp(Family family, int firstOffice, long events, double perOffice, int surveysPerOffice, long seed) {
        int count = (int) Math.ceil(events / Math.max(perOffice, 0.1));
        return generate(offices(firstOffice, firstOffice + count), 0, seed, EnumSet.of(family), surveysPerOffice, 0);
    }

    /** Every family of {@code offices} on {@code date}, an ordinary day (arrival scale 1): one day of a replay. */
    static Workload ordinaryDay(List<Office> offices, LocalDate date, long seed) {
        return generate(offices, date, 1.0, seed, EnumSet.copyOf(Family.events()), 0, 0);
    }

    private static Workload generate(List<Office> offices, long queueEvents, long seed, Set<Family> families,
            int surveysIfNoQueue, long pacedCount) {
        double scale = families.contains(Family.QUEUE) ? queueScale(queueEvents, offices.size(), seed) : 0;
        return generate(offices, DAY, scale, seed, families, surveysIfNoQueue, pacedCount);
    }

    private static Workload generate(List<Office> offices, LocalDate date, double scale, long seed, Set<Family> families,
            int surveysIfNoQueue, long pacedCount) {
        List<SpecificRecord> day = offices.parallelStream()
                .map(office -> Traffic.officeDay(office, date, seed, scale, families, surveysIfNoQueue))
                .flatMap(List::stream)
                .collect(Collectors.toCollection(ArrayList::new));
        // A stable sort keeps each office's own order among events of the same millisecond.
        day.sort(Comparator.comparing(Days::occurredAt));
        return new Workload(offices, scale, day, Math.toIntExact(pacedCount));
    }

    /** The arrival scale at which {@code offices} offices give about {@code events} queue and desk events. */
    static double queueScale(long events, int offices, long seed) {
        double perOffice = Days.generate(DAY, SampleOffices.all(), seed, 1.0).size() / 3.0;
        return events / (perOffice * offices);
    }

    /** Office ids like UM-JED-0001, SP-GOS-0001, PUP-LDZ-0001, UM-JED-0002, ... for clone numbers [from, to). */
    static List<Office> offices(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> {
            Office sample = SampleOffices.all().get(i % 3);
            int number = i / 3 + 1;
            return Office.newBuilder(sample)
                    .setOfficeId(sample.getOfficeId() + String.format("-%04d", number))
                    .setName(sample.getName() + " (" + number + ")")
                    .build();
        }).toList();
    }

    /** Its figures for the report. */
    Results.Input input() {
        return new Results.Input(perTopic, offices.size(), scale, bytes);
    }

    /** Events of the family's input topics. */
    int count(Family family) {
        return family.inputs.stream().mapToInt(t -> perTopic.getOrDefault(t, 0)).sum();
    }

    /** Each family's share of the events, by the families of events in their order. */
    Map<Family, Double> shares() {
        Map<Family, Double> shares = new EnumMap<>(Family.class);
        for (Family family : Family.events()) {
            shares.put(family, size == 0 ? 0 : (double) count(family) / size);
        }
        return shares;
    }

    /** Event indexes of the family's topics, in time order. */
    int[] indexesOf(Family family) {
        return IntStream.range(0, size).filter(i -> family.inputs.contains(topics[i])).toArray();
    }

    Instant first() {
        return Instant.ofEpochMilli(timestamps[0]);
    }

    Instant last() {
        return Instant.ofEpochMilli(timestamps[size - 1]);
    }

    static String topicOf(SpecificRecord event) {
        return spec(event).name();
    }

    private static int catalogueOrder(String topic) {
        List<String> names = Topics.all().stream().map(TopicSpec::name).toList();
        return names.indexOf(topic);
    }

    private static byte[] serialise(SpecificRecord event) {
        TopicSpec<String, SpecificRecord> spec = spec(event);
        return spec.valueSerde().serializer().serialize(spec.name(), event);
    }

    /** The catalogue's topic of the event's family; a record that is no event envelope is refused. */
    private static TopicSpec<String, SpecificRecord> spec(SpecificRecord event) {
        return EventTopics.of(EventFamily.of(event));
    }
}
