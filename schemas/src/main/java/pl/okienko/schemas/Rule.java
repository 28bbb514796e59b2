package pl.okienko.schemas;

/**
 * The service standards Okienko measures, by the ID each carries on tiles, alerts, the API and in
 * {@code docs/standards.md} (one section per rule, anchored by its ID in lower case). An alert names its
 * rule with {@link #name()}.
 */
public enum Rule {
    Q1("Serving a client comes before other office work: waits and service times"),
    Q2("React to an excessive queue"),
    Q3("Handle cases in order of arrival"),
    Q4("A client should not have to come back or be sent around"),
    Q5("Tell the client how long a pause will last"),
    P1("Serve the elderly, disabled, pregnant and parents of small children out of turn"),
    P2("Settle priority clients' matters in the same visit where possible"),
    T1("Answer the phone by the third ring"),
    T2("Answer every call"),
    T3("Call back a missed call whose number was shown"),
    T4("Call back at the agreed time"),
    E1("Reply to e-mail within 24 hours or the agreed date"),
    E2("Send a requested read receipt at once"),
    E3("Answer letters by the statutory deadline"),
    C1("Register complaints and requests and answer them by their deadline"),
    I1("Escalate aggressive behaviour: supervisor, security, police"),
    I2("End an abusive call after a warning"),
    S1("Monitor client satisfaction with surveys");

    private final String summary;

    Rule(String summary) {
        this.summary = summary;
    }

    /** One line in English; the pages show translated names. */
    public String summary() {
        return summary;
    }

    /** The anchor of this rule's section in {@code docs/standards.md}, e.g. {@code q2}. */
    public String anchor() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
