package pl.okienko.processors.queues;

import java.time.Instant;
import java.util.List;

/**
 * One desk of an office now (issue 14, the desk view; Q1, Q5): what it is doing, the ticket at it and
 * since when.
 *
 * @param deskId the desk's directory id
 * @param name its directory name; its id when the directory does not list it
 * @param departmentId the department it works for, or {@code null}
 * @param state what it is doing
 * @param queueIds the queues it calls from while open; none when closed
 * @param ticketId the ticket called to it or served at it; {@code null} when idle or closed
 * @param queueId that ticket's queue
 * @param queueName that queue's directory name
 * @param since since when it is in its state: the call, the start of service, the pause, or the desk's opening
 *     while idle; {@code null} when closed
 * @param seconds how long it is in its state, at the view's time; {@code null} when closed
 * @param pauseAnnouncedMinutes the length of the pause the client was told (Q5), when paused and told
 */
public record DeskView(String deskId, String name, String departmentId, State state, List<String> queueIds,
        String ticketId, String queueId, String queueName, Instant since, Long seconds, Integer pauseAnnouncedMinutes) {

    /** What a desk is doing. */
    public enum State {
        /** A client is being served (service started). */
        SERVING,
        /** A ticket was called and the client has not sat down yet (no service start). */
        CALLED,
        /** The service is paused (Q5). */
        PAUSED,
        /** Open with no ticket at it. */
        IDLE,
        /** Not open. */
        CLOSED
    }

    public DeskView {
        queueIds = List.copyOf(queueIds);
    }
}
