package pl.okienko.processors.alerts;

import java.util.Map;

/**
 * The figures of an INCIDENT_HOTSPOT alert (I1): incidents of level 2 or more at one desk or department.
 *
 * @param incidents incidents within the window at this step
 * @param threshold incidents that make a hotspot
 * @param windowMinutes the window in force
 */
public record HotspotDetails(Integer incidents, Integer threshold, Long windowMinutes) implements AlertDetails {

    @Override
    public Map<String, String> toMap() {
        return DetailMap.writer().put("incidents", incidents).put("threshold", threshold)
                .put("windowMinutes", windowMinutes).values();
    }

    static HotspotDetails read(DetailMap map) {
        return new HotspotDetails(map.integer("incidents"), map.integer("threshold"), map.number("windowMinutes"));
    }
}
