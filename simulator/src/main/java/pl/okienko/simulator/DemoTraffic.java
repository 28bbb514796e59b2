package pl.okienko.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pl.okienko.directory.Desk;
import pl.okienko.directory.Office;
import pl.okienko.directory.PhoneLine;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.events.queue.TicketCalled;
import pl.okienko.events.queue.TicketCancelled;
import pl.okienko.events.queue.TicketIssued;
import pl.okienko.schemas.EventFamily;
import pl.okienko.schemas.PersonalData;
import pl.okienko.simulator.correspondence.CorrespondenceTraffic;
import pl.okienko.simulator.incidents.IncidentDay;
import pl.okienko.simulator.phone.PhoneDay;
import pl.okienko.simulator.phone.PhonePlan;
import pl.okienko.simulator.surveys.SurveyDay;
import pl.okienko.topics.EventTopics;
import pl.okienko.topics.TopicSpec;
import pl.okienko.topics.Topics;

/**
 * Live demo traffic ({@code --demo}): plays simulated office days into Kafka in real
 * time, so a newcomer sees queues build within a minute and an excessive queue (Q2) within about
 * ten, with priority clients and the occasional bypass (P1) along the way, incidents (I1) and the survey
 * kiosks' answers of served clients (S1, {@link SurveyDay}).
 *
 * <p>Each office's day starts when {@link #start()} is called, with the morning rush squeezed into
 * the first minutes ({@link DayPlan#demo()}); when a day's events run out the next day follows, so
 * it runs until {@link #close()}. Every event goes to its catalogue topic
 * (its family's, {@link EventTopics}, e.g. {@link Topics#QUEUE_EVENTS}) with the catalogue serdes, keyed by
 * officeId, with occurredAt as the record timestamp. One daemon thread does all the publishing.
 *
 * <p>Given a progress file, a restarted demo continues the day each office left rather than starting a
 * new one on top of it: an operator who stops and starts the demo expects the same offices to carry on,
 * and a fresh day would leave the first run's clients waiting and desks open forever (their ends are
 * never published), so waits grow without bound and Q2 alerts pile up. The day is regenerated from its
 * number and start (the simulation is deterministic) and its events that fell due while the demo was
 * down go out at once, in order and with their own times, so every visit ends as simulated; a day
 * already over is finished that way and the next one starts now. The file is written once the broker
 * has taken a batch, so a crash loses nothing; a batch sent again after one carries the same event ids,
 * which the processors count once.
 */
public final class DemoTraffic implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);
    private static final Duration DAY_LENGTH = Duration.ofMinutes(60);
    /** The seed of the live demo: every start plays the same days, which is what lets a restart continue one. */
    private static final long DEMO_SEED = 42;
    private static final Duration BETWEEN_DAYS = Duration.ofSeconds(30);
    private static final Duration SUMMARY_EVERY = Duration.ofMinutes(3);
    /** The publisher wakes at least this often, so that close() and clock jumps are noticed promptly. */
    private static final long MAX_SLEEP_MS = 1_000;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final Producer<byte[], byte[]> producer;
    private final List<Office> offices;
    private final long seed;
    private final Clock clock;
    /** Pseudonymises the phone numbers before they are written; without it no phone traffic is sent (T1–T4). */
    private final PersonalData personalData;
    private final ScheduledThreadPoolExecutor scheduler;
    private final List<OfficeCursor> cursors = new ArrayList<>();
    /** Where each office's day stands, kept across restarts; null: every start begins a new day. */
    private final DemoProgress progress;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private boolean started;
    private volatile boolean closed;

    /** Demo traffic for the offices into the cluster at {@code bootstrapServers}; nothing is sent before {@link #start()}. */
    public DemoTraffic(String bootstrapServers, List<Office> offices) {
        this(newProducer(bootstrapServers), offices, DEMO_SEED, Clock.systemUTC());
    }

    /**
     * Also plays a phone day per office (T1–T4, I2: calls, missed calls, promised callbacks, some
     * kept late), its numbers pseudonymised with {@code personalData} before they are written, as the
     * ingestion API would: the same key, or pseudonyms would not match. With it also mailboxes and the
     * register (E1, E2, C1, {@link CorrespondenceTraffic#demo}), sender addresses pseudonymised the same way.
     */
    public DemoTraffic(String bootstrapServers, List<Office> offices, PersonalData personalData) {
        this(newProducer(bootstrapServers), offices, DEMO_SEED, Clock.systemUTC(), personalData, null);
    }

    /** As above, continuing after a restart the day recorded in {@code progressFile} (see the class comment). */
    public DemoTraffic(String bootstrapServers, List<Office> offices, PersonalData personalData, Path progressFile) {
        this(newProducer(bootstrapServers), offices, DEMO_SEED, Clock.systemUTC(), personalData,
                Objects.requireNonNull(progressFile, "progressFile"));
    }

    DemoTraffic(Producer<byte[], byte[]> producer, List<Office> offices, long seed, Clock clock) {
        this(producer, offices, seed, clock, null, null);
    }

    DemoTraffic(Producer<byte[], byte[]> producer, List<Office> offices, long seed, Clock clock,
            PersonalData personalData) {
        this(producer, offices, seed, clock, personalData, null);
    }

    DemoTraffic(Producer<byte[], byte[]> producer, List<Office> offices, long seed, Clock clock,
            PersonalData personalData, Path progressFile) {
        this.personalData = personalData;
        this.progress = progressFile == null ? null : new DemoProgress(progressFile);
        this.producer = Objects.requireNonNull(producer, "producer");
        // An office without queues has no traffic to show.
        this.offices = offices.stream().filter(office -> !office.getQueues().isEmpty()).toList();
        this.seed = seed;
        this.clock = clock;
        this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "okienko-demo-traffic");
            thread.setDaemon(true);
            return thread;
        });
        // Pending wake-ups must not fire after close(): the producer is gone by then.
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    private static Producer<byte[], byte[]> newProducer(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "okienko-demo-traffic");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    /**
     * The longest any client waits (Q1) in the live demo's first {@code days} days of {@code offices}, as
     * simulated: from the ticket's issue to its last call or its cancellation, so a ticket sent to another
     * queue counts whole. No queue of a running demo should ever show a longer wait.
     */
    public static Duration longestWait(List<Office> offices, int days) {
        long longest = 0;
        for (Office office : offices) {
            for (int day = 1; day <= days && !office.getQueues().isEmpty(); day++) {
                Map<String, Long> issued = new HashMap<>();
                for (SpecificRecord event : OfficeDay.generate(office, Instant.EPOCH, DAY_LENGTH, DEMO_SEED * 31 + day,
                        DayPlan.demo().withLabel("longest"))) {
                    long at = Days.occurredAt(event).toEpochMilli();
                    Object payload = event instanceof QueueEvent queueEvent ? queueEvent.getPayload() : null;
                    if (payload instanceof TicketIssued ticket) {
                        issued.put(ticket.getTicketId(), at);
                    } else if (payload instanceof TicketCalled ticket && issued.containsKey(ticket.getTicketId())) {
                        longest = Math.max(longest, at - issued.get(ticket.getTicketId()));
                    } else if (payload instanceof TicketCancelled ticket && issued.containsKey(ticket.getTicketId())) {
                        longest = Math.max(longest, at - issued.get(ticket.getTicketId()));
                    }
                }
            }
        }
        return Duration.ofMillis(longest);
    }

    /** Starts the first day of every office now and publishes from a background thread. */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException(closed ? "demo traffic is closed" : "demo traffic already started");
        }
        started = true;
        begin(clock.instant());
        scheduler.execute(this::wake);
        long every = SUMMARY_EVERY.toMillis();
        scheduler.scheduleAtFixedRate(this::summary, every, every, TimeUnit.MILLISECONDS);
    }

    /** Events handed to the producer so far. */
    public long published() {
        return published.get();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
        saveProgress();
        LOG.info("demo: stopped after {} events published", published.get());
    }

    /** Generates the first day of every office, starting at {@code now}, or resumes the day the progress file recorded. */
    void begin(Instant now) {
        Map<String, DemoProgress.Position> saved = progress == null ? Map.of() : progress.load();
        for (Office office : offices) {
            OfficeCursor cursor = new OfficeCursor(office);
            DemoProgress.Position position = saved.get(office.getOfficeId());
            if (position == null) {
                cursor.nextDay(now);
                LOG.info("demo: office {} ({}) starts with {} events in its first {}-minute day",
                        office.getOfficeId(), office.getName(), cursor.events.size(), DAY_LENGTH.toMinutes());
            } else {
                cursor.day = position.day() - 1;
                cursor.nextDay(position.start());
                cursor.next = Math.min(position.published(), cursor.events.size());
                LOG.info("demo: office {} ({}) continues day {} started {} after {} of its {} events",
                        office.getOfficeId(), office.getName(), cursor.day, position.start(), cursor.next,
                        cursor.events.size());
            }
            cursors.add(cursor);
        }
        saveProgress();
    }

    private void saveProgress() {
        if (progress == null || cursors.isEmpty()) {
            return;
        }
        Map<String, DemoProgress.Position> positions = new LinkedHashMap<>();
        for (OfficeCursor cursor : cursors) {
            positions.put(cursor.office.getOfficeId(), new DemoProgress.Position(cursor.day, cursor.start, cursor.next));
        }
        progress.save(positions);
    }

    /**
     * Publishes every event due by {@code now}, starting a new day for an office that has run out.
     *
     * @return when the next event is due
     */
    Instant publishDue(Instant now) {
        Instant next = null;
        boolean moved = false;
        for (OfficeCursor cursor : cursors) {
            while (cursor.next < cursor.events.size() && !Days.occurredAt(cursor.events.get(cursor.next)).isAfter(now)) {
                send(cursor.events.get(cursor.next++));
                moved = true;
            }
            if (cursor.next == cursor.events.size()) {
                cursor.nextDay(max(now, cursor.lastAt).plus(BETWEEN_DAYS));
                moved = true;
            }
            Instant due = cursor.events.isEmpty() ? cursor.lastAt : Days.occurredAt(cursor.events.get(cursor.next));
            next = next == null || due.isBefore(next) ? due : next;
        }
        if (moved && progress != null) {
            // Only what the broker has taken counts as published: a call lost in a crash would leave its client waiting.
            producer.flush();
            saveProgress();
        }
        return next;
    }

    private void wake() {
        if (closed) {
            return;
        }
        long sleep = MAX_SLEEP_MS;
        try {
            Instant now = clock.instant();
            Instant next = publishDue(now);
            if (next != null) {
                sleep = Math.max(0, Math.min(MAX_SLEEP_MS, Duration.between(now, next).toMillis()));
            }
        } catch (RuntimeException e) {
            // One bad send must not end the demo; the next wake-up tries again.
            LOG.warn("demo: publishing failed: {}", e.toString());
        }
        if (!closed) {
            scheduler.schedule(this::wake, sleep, TimeUnit.MILLISECONDS);
        }
    }

    private void send(SpecificRecord event) {
        // Phone numbers and e-mail senders pseudonymised as the ingestion API would (phone and e-mail days are
        // only made with a key); the other families' records pass unchanged.
        SpecificRecord value = personalData == null ? event : personalData.pseudonymise(event);
        ProducerRecord<byte[], byte[]> record = toRecord(EventTopics.of(EventFamily.of(event)), Days.officeId(event), value,
                Days.occurredAt(event).toEpochMilli());
        producer.send(record, (metadata, error) -> {
            if (error != null && failed.getAndIncrement() == 0) {
                LOG.warn("demo: first failed send to {}: {}", record.topic(), error.toString());
            }
        });
        published.incrementAndGet();
    }

    private static <V> ProducerRecord<byte[], byte[]> toRecord(TopicSpec<String, V> topic, String key, V value, long timestamp) {
        String name = topic.name();
        return new ProducerRecord<>(name, null, timestamp,
                topic.keySerde().serializer().serialize(name, key),
                topic.valueSerde().serializer().serialize(name, value));
    }

    private void summary() {
        long failures = failed.get();
        if (failures == 0) {
            LOG.info("demo: {} events published", published.get());
        } else {
            LOG.info("demo: {} events published, {} failed", published.get(), failures);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Where one office stands in its current demo day. */
    private final class OfficeCursor {
        final Office office;
        final ZoneId zone;
        List<SpecificRecord> events = List.of();
        int next;
        int day;
        Instant start = Instant.EPOCH;
        Instant lastAt = Instant.EPOCH;

        OfficeCursor(Office office) {
            this.office = office;
            this.zone = ZoneId.of(office.getTimeZone());
        }

        void nextDay(Instant start) {
            // The start time in the label keeps event and ticket ids unique across days and restarts.
            DayPlan plan = DayPlan.demo().withLabel(LABEL.format(start.atZone(zone)));
            day++;
            this.start = start;
            events = OfficeDay.generate(office, start, DAY_LENGTH, seed * 31 + day, plan);
            if (personalData != null) {
                List<SpecificRecord> merged = new ArrayList<>(events);
                merged.addAll(PhoneDay.generate(office.getOfficeId(),
                        office.getPhoneLines().stream().map(PhoneLine::getLineId).toList(), start,
                        start.plus(DAY_LENGTH), seed * 31 + day, PhonePlan.demo(), plan.label()));
                merged.sort(Comparator.comparing(Days::occurredAt));
                events = merged;
            }
            List<SpecificRecord> withIncidents = new ArrayList<>(events);
            withIncidents.addAll(SurveyDay.after(office, events, seed * 43 + day, plan.label()));
            withIncidents.addAll(IncidentDay.generate(office.getOfficeId(),
                    office.getDesks().stream().map(Desk::getDeskId).toList(), start, DAY_LENGTH, seed * 37 + day,
                    plan.label()));
            if (personalData != null) {
                withIncidents.addAll(CorrespondenceTraffic.demo(office, start, DAY_LENGTH, seed * 41 + day, plan.label()));
            }
            withIncidents.sort(Comparator.comparing(Days::occurredAt));
            events = withIncidents;
            next = 0;
            if (!events.isEmpty()) {
                lastAt = Days.occurredAt(events.get(events.size() - 1));
            } else {
                lastAt = start.plus(DAY_LENGTH);
            }
        }
    }
}
