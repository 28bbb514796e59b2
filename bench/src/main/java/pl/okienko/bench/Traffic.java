package pl.okienko.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;

import pl.okienko.directory.BusinessHours;
import pl.okienko.directory.Desk;
import pl.okienko.directory.Office;
import pl.okienko.events.queue.QueueEvent;
import pl.okienko.events.queue.TicketIssued;
import pl.okienko.schemas.PersonalData;
import pl.okienko.simulator.Days;
import pl.okienko.simulator.correspondence.CorrespondenceTraffic;
import pl.okienko.simulator.incidents.IncidentDay;
import pl.okienko.simulator.phone.PhoneDays;
import pl.okienko.simulator.phone.PhonePlan;

/**
 * One office's business day in every family of events, from the simulator: queue and desk events
 * ({@code Days.generate}, arrivals scaled), phone calls and callbacks ({@code PhoneDays}, an ordinary
 * day), the e-mails and register entries that arrive that day with their whole lives
 * ({@code CorrespondenceTraffic.history}), incidents ({@code IncidentDay}), and survey answers
 * ({@link SurveyDay}, one visit in ten, a set count per office, which the top-ups need). Phone numbers
 * and e-mail addresses are pseudonymised as the ingestion API would, with a fixed benchmark key.
 */
final class Traffic {

    /** The pseudonymisation key of the benchmark, shared by the generated events and the phone topology. */
    static final PersonalData PERSONAL_DATA = new PersonalData("okienko-bench-pseudonymisation-key".getBytes(StandardCharsets.UTF_8));

    /**
     * Correspondence items arriving on the day live on for weeks (answers, extensions); what they do
     * later than this after the day is left out, so that no event lies in the future of the run (the
     * broker refuses those) and the day is the same whenever the benchmark runs.
     */
    static final Duration CORRESPONDENCE_HORIZON = Duration.ofDays(14);

    private Traffic() {
    }

    /**
     * @param queueScale multiplies the queue arrivals (see {@code DayPlan.scale})
     * @param surveysIfNoQueue survey answers when the queue family is not generated (a top-up office)
     */
    static List<SpecificRecord> officeDay(Office office, LocalDate date, long seed, double queueScale, Set<Family> families,
            int surveysIfNoQueue) {
        List<SpecificRecord> events = new ArrayList<>();
        BusinessHours hours = office.getBusinessHours().stream()
                .filter(h -> h.getDayOfWeek() == date.getDayOfWeek().getValue()).findFirst().orElse(null);
        if (hours == null) {
            return events;
        }
        ZoneId zone = ZoneId.of(office.getTimeZone());
        Instant opens = date.atTime(LocalTime.parse(hours.getOpens())).atZone(zone).toInstant();
        Instant closes = date.atTime(LocalTime.parse(hours.getCloses())).atZone(zone).toInstant();
        String label = date.toString();
        int tickets = -1;
        if (families.contains(Family.QUEUE)) {
            List<SpecificRecord> queue = Days.generate(date, List.of(office), seed, queueScale);
            tickets = (int) queue.stream()
                    .filter(e -> e instanceof QueueEvent q && q.getPayload() instanceof TicketIssued).count();
            events.addAll(queue);
        }
        if (families.contains(Family.PHONE)) {
            PhoneDays.generate(date, List.of(office), seed, PhonePlan.businessDay())
                    .forEach(e -> events.add(PERSONAL_DATA.pseudonymise(e)));
        }
        if (families.contains(Family.CORRESPONDENCE)) {
            Instant horizon = date.plusDays(1).atStartOfDay(zone).toInstant().plus(CORRESPONDENCE_HORIZON);
            for (SpecificRecord e : CorrespondenceTraffic.history(office, date, date.plusDays(1), seed)) {
                if (!Days.occurredAt(e).isAfter(horizon)) {
                    events.add(PERSONAL_DATA.pseudonymise(e));
                }
            }
        }
        if (families.contains(Family.INCIDENTS)) {
            events.addAll(IncidentDay.generate(office.getOfficeId(), office.getDesks().stream().map(Desk::getDeskId).toList(),
                    opens, Duration.between(opens, closes), seed * 37 + date.toEpochDay(), label));
        }
        if (families.contains(Family.SURVEYS)) {
            int responses = tickets >= 0 ? tickets / SurveyDay.VISITS_PER_RESPONSE : surveysIfNoQueue;
            events.addAll(SurveyDay.generate(office, opens, closes, responses, seed * 41 + date.toEpochDay(), label));
        }
        return events;
    }
}
