package pl.okienko.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pl.okienko.directory.Desk;
import pl.okienko.directory.Office;
import pl.okienko.directory.Queue;

/**
 * Which queues each desk calls from, and which desks stay in reserve for a rush. The directory
 * lists desks and queues per department but not who serves what (that is the desk_opened event's
 * business), so the simulator derives a plausible layout: desks serve their department's queues in
 * turn, every third desk serves two of them, and the last desk of a department with more desks than
 * queues is the reserve that opens when a queue grows long (Q2).
 */
record DeskLayout(String deskId, List<String> queueIds, boolean reserve) {

    static List<DeskLayout> of(Office office, int clones) {
        List<Queue> queues = office.getQueues();
        if (queues.isEmpty()) {
            return List.of();
        }
        if (office.getDesks().isEmpty()) {
            throw new IllegalArgumentException("office " + office.getOfficeId() + " has queues but no desks");
        }
        Map<String, List<String>> queuesByDepartment = new LinkedHashMap<>();
        for (Queue queue : queues) {
            if (queue.getDepartmentId() != null) {
                queuesByDepartment.computeIfAbsent(queue.getDepartmentId(), d -> new ArrayList<>()).add(queue.getQueueId());
            }
        }
        Map<String, List<Desk>> desksByDepartment = new LinkedHashMap<>();
        List<Desk> unassignedDesks = new ArrayList<>();
        for (Desk desk : office.getDesks()) {
            String department = desk.getDepartmentId();
            if (department != null && queuesByDepartment.containsKey(department)) {
                desksByDepartment.computeIfAbsent(department, d -> new ArrayList<>()).add(desk);
            } else {
                unassignedDesks.add(desk);
            }
        }

        List<Mutable> layout = new ArrayList<>();
        for (Map.Entry<String, List<Desk>> department : desksByDepartment.entrySet()) {
            List<String> own = queuesByDepartment.get(department.getKey());
            List<Desk> desks = department.getValue();
            int k = own.size();
            int m = desks.size();
            for (int i = 0; i < m; i++) {
                Mutable desk = new Mutable(desks.get(i).getDeskId(), m > k && i == m - 1);
                desk.queueIds.add(own.get(i % k));
                if (k >= 2 && i % 3 == 2) {
                    desk.queueIds.add(own.get((i + 1) % k));
                }
                layout.add(desk);
            }
        }
        for (int i = 0; i < unassignedDesks.size(); i++) {
            Mutable desk = new Mutable(unassignedDesks.get(i).getDeskId(), false);
            desk.queueIds.add(queues.get(i % queues.size()).getQueueId());
            layout.add(desk);
        }
        // A queue nobody serves (no department, or a department without desks) is added to the
        // regular desks in turn, so that every ticket can be called.
        List<Mutable> regular = layout.stream().filter(desk -> !desk.reserve).toList();
        int next = 0;
        for (Queue queue : queues) {
            String queueId = queue.getQueueId();
            boolean served = regular.stream().anyMatch(desk -> desk.queueIds.contains(queueId));
            if (!served) {
                regular.get(next++ % regular.size()).queueIds.add(queueId);
            }
        }

        List<DeskLayout> result = new ArrayList<>();
        for (int copy = 1; copy <= clones; copy++) {
            for (Mutable desk : layout) {
                String id = copy == 1 ? desk.deskId : desk.deskId + "." + copy;
                result.add(new DeskLayout(id, List.copyOf(desk.queueIds), desk.reserve));
            }
        }
        return result;
    }

    private static final class Mutable {
        final String deskId;
        final boolean reserve;
        final List<String> queueIds = new ArrayList<>();

        Mutable(String deskId, boolean reserve) {
            this.deskId = deskId;
            this.reserve = reserve;
        }
    }
}
