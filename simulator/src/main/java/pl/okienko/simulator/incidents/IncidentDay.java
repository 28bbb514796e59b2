package pl.okienko.simulator.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import pl.okienko.events.incident.EscalationTarget;
import pl.okienko.events.incident.IncidentAcknowledged;
import pl.okienko.events.incident.IncidentChannel;
import pl.okienko.events.incident.IncidentEscalated;
import pl.okienko.events.incident.IncidentEvent;
import pl.okienko.events.incident.IncidentOutcome;
import pl.okienko.events.incident.IncidentReported;
import pl.okienko.events.incident.IncidentResolved;
import pl.okienko.events.incident.PanicButton;
import pl.okienko.simulator.generator.OfficeDayGenerator;

/**
 * A deterministic day of incidents at one office (rule I1) for the demo and tests: rare incidents of
 * every level, now and then a panic button pressed more than once, guards who acknowledge at once
 * and guards who take longer than the policy's 60 s (so the alert is raised again and escalated).
 * Every day has at least one incident that alerts security, early enough to be seen in a demo.
 */
public final class IncidentDay {

    /** The sending system of generated events. */
    public static final String SOURCE = "sim-incidents";
    private static final String[] GUARDS = {"ochrona.nowak", "ochrona.wisniewska", "ochrona.kaczmarek"};

    private IncidentDay() {
    }

    /**
     * @param deskIds the office's desks; an empty list puts incidents in the hall
     * @param label keeps ids unique across days and restarts
     */
    public static List<IncidentEvent> generate(String officeId, List<String> deskIds, Instant start, Duration length,
            long seed, String label) {
        return new Builder(officeId, deskIds, start, length, seed, label).run();
    }

    private static final class Builder extends OfficeDayGenerator<IncidentEvent> {
        final List<String> deskIds;
        final Instant start;
        final Duration length;
        int incidents;

        Builder(String officeId, List<String> deskIds, Instant start, Duration length, long seed, String label) {
            super(officeId, seed, label);
            this.deskIds = deskIds;
            this.start = start;
            this.length = length;
        }

        List<IncidentEvent> run() {
            threat(at(0.05 + 0.08 * random.nextDouble()));
            if (random.nextDouble() < 0.8) {
                verbal(at(0.1 + 0.5 * random.nextDouble()), 1);
            }
            if (random.nextDouble() < 0.6) {
                verbal(at(0.2 + 0.5 * random.nextDouble()), 2);
            }
            if (random.nextDouble() < 0.5) {
                panic(at(0.3 + 0.4 * random.nextDouble()));
            }
            if (random.nextDouble() < 0.2) {
                violence(at(0.4 + 0.3 * random.nextDouble()));
            }
            Instant end = start.plus(length);
            return inTimeOrder().stream().filter(e -> e.getOccurredAt().isBefore(end)).toList();
        }

        private Duration at(double fraction) {
            return Duration.ofMillis((long) (length.toMillis() * fraction));
        }

        String desk() {
            return deskIds.isEmpty() ? null : deskIds.get(random.nextInt(deskIds.size()));
        }

        String newIncident() {
            return "INC-" + label + "-" + ++incidents;
        }

        /** Level 1 or 2: the clerk protests and warns; a repeated insult is escalated to the supervisor. */
        void verbal(Duration offset, int level) {
            String id = newIncident();
            Instant t = start.plus(offset);
            emit(t, new IncidentReported(id, desk(), null, level,
                    random.nextBoolean() ? IncidentChannel.IN_PERSON : IncidentChannel.PHONE));
            if (level == 2) {
                emit(t.plusSeconds(20), new IncidentEscalated(id, EscalationTarget.SUPERVISOR, null));
            }
            emit(t.plusSeconds(120 + random.nextInt(180)), new IncidentResolved(id, IncidentOutcome.CALMED, null, null));
        }

        /** Level 3: security is alerted; one guard in three answers only after the alert was raised again. */
        void threat(Duration offset) {
            String id = newIncident();
            Instant t = start.plus(offset);
            emit(t, new IncidentReported(id, desk(), null, 3, IncidentChannel.IN_PERSON));
            int ackAfter = random.nextInt(3) == 0 ? 70 + random.nextInt(60) : 10 + random.nextInt(40);
            emit(t.plusSeconds(ackAfter), new IncidentAcknowledged(id, guard()));
            emit(t.plusSeconds(ackAfter + 180 + random.nextInt(300)), new IncidentResolved(id,
                    random.nextBoolean() ? IncidentOutcome.CLIENT_LEFT : IncidentOutcome.REMOVED_BY_SECURITY, null, null));
        }

        /** Level 4: violence; security and then the police are called. */
        void violence(Duration offset) {
            String id = newIncident();
            Instant t = start.plus(offset);
            emit(t, new IncidentReported(id, desk(), null, 4, IncidentChannel.IN_PERSON));
            emit(t.plusSeconds(5), new IncidentEscalated(id, EscalationTarget.SECURITY, null));
            emit(t.plusSeconds(15 + random.nextInt(20)), new IncidentAcknowledged(id, guard()));
            emit(t.plusSeconds(60), new IncidentEscalated(id, EscalationTarget.POLICE, null));
            emit(t.plusSeconds(900 + random.nextInt(600)), new IncidentResolved(id, IncidentOutcome.POLICE_INTERVENED, null, null));
        }

        /** A panic button pressed two or three times; the gateway numbers every press. */
        void panic(Duration offset) {
            String first = newIncident();
            Instant t = start.plus(offset);
            String desk = desk();
            String location = desk == null ? "hall" : null;
            emit(t, new PanicButton(first, desk, location));
            int presses = 2 + random.nextInt(2);
            for (int i = 1; i < presses; i++) {
                emit(t.plusSeconds(2L * i), new PanicButton(newIncident(), desk, location));
            }
            int ackAfter = 15 + random.nextInt(90);
            emit(t.plusSeconds(ackAfter), new IncidentAcknowledged(first, guard()));
            emit(t.plusSeconds(ackAfter + 120 + random.nextInt(240)), new IncidentResolved(first,
                    random.nextInt(3) == 0 ? IncidentOutcome.FALSE_ALARM : IncidentOutcome.REMOVED_BY_SECURITY, null, null));
        }

        String guard() {
            return GUARDS[random.nextInt(GUARDS.length)];
        }

        @Override
        protected IncidentEvent envelope(int number, Instant at, Object payload) {
            return IncidentEvent.newBuilder()
                    .setEventId(SOURCE + "-" + label + "-" + (number + 1))
                    .setOfficeId(officeId)
                    .setOccurredAt(at)
                    .setSource(SOURCE)
                    .setPayload(payload)
                    .build();
        }

        @Override
        protected Instant occurredAt(IncidentEvent event) {
            return event.getOccurredAt();
        }
    }
}
