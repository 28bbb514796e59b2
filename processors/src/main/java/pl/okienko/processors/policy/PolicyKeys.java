package pl.okienko.processors.policy;

/**
 * Keys of the compacted policies topic: "officeId" for the office, "officeId/department/ID",
 * "officeId/queue/ID", "officeId/line/ID", "officeId/mailbox/ID" for narrower scopes.
 */
public final class PolicyKeys {

    private PolicyKeys() {
    }

    public static String office(String officeId) {
        return officeId;
    }

    public static String department(String officeId, String departmentId) {
        return officeId + "/department/" + departmentId;
    }

    public static String queue(String officeId, String queueId) {
        return officeId + "/queue/" + queueId;
    }

    public static String line(String officeId, String lineId) {
        return officeId + "/line/" + lineId;
    }

    public static String mailbox(String officeId, String mailboxId) {
        return officeId + "/mailbox/" + mailboxId;
    }
}
