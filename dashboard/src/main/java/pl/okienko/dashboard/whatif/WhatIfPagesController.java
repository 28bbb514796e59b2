package pl.okienko.dashboard.whatif;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import pl.okienko.dashboard.platform.security.OfficeAccess;
import pl.okienko.dashboard.platform.web.OfficeDirectory;
import pl.okienko.dashboard.platform.web.PageController;
import pl.okienko.directory.Office;

/**
 * The analysts' what-if page (issue 15): {@code GET /whatif} asks for a replay (office, days, thresholds) and lists
 * the jobs of the offices the caller may see, their progress polled from {@code GET /whatif/jobs} every 2 s, and
 * once done their figures beside the live ones; {@code POST /whatif} starts one, {@code POST /whatif/{id}/discard}
 * discards one. The same checks as the API ({@link WhatIfController}).
 */
@PageController
public class WhatIfPagesController {

    static final String TEMPLATE = "whatif/whatif";
    /** The part of the page that its polling replaces. */
    static final String FRAGMENT = "jobs";

    private final WhatIfController api;
    private final OfficeDirectory directory;
    private final OfficeAccess access;

    WhatIfPagesController(WhatIfController api, OfficeDirectory directory, OfficeAccess access) {
        this.api = api;
        this.directory = directory;
        this.access = access;
    }

    @GetMapping("/whatif")
    public String page(Model model, Authentication caller) {
        List<Office> offices = directory.offices().stream().filter(o -> access.canSee(caller, o.getOfficeId())).toList();
        model.addAttribute("offices", offices);
        model.addAttribute("jobs", api.list(caller));
        return TEMPLATE;
    }

    @GetMapping("/whatif/jobs")
    public String jobs(Model model, Authentication caller) {
        model.addAttribute("jobs", api.list(caller));
        return TEMPLATE + " :: " + FRAGMENT;
    }

    @PostMapping("/whatif")
    public String start(@RequestParam String officeId, @RequestParam LocalDate from, @RequestParam LocalDate to,
            @RequestParam(required = false) Integer phoneAnswerSeconds,
            @RequestParam(required = false) Integer phoneRingLimit,
            @RequestParam(required = false) Integer callbackDelayMinutes, Model model, Authentication caller) {
        Map<String, Integer> policy = new LinkedHashMap<>();
        put(policy, "phoneAnswerSeconds", phoneAnswerSeconds);
        put(policy, "phoneRingLimit", phoneRingLimit);
        put(policy, "callbackDelayMinutes", callbackDelayMinutes);
        try {
            api.submit(new WhatIfRequest(officeId, from, to, policy), caller);
        } catch (ResponseStatusException e) {
            model.addAttribute("problem", e.getReason());
            return page(model, caller);
        }
        return "redirect:/whatif";
    }

    @PostMapping("/whatif/{id}/discard")
    public String discard(@PathVariable String id, Authentication caller) {
        api.discard(id, caller);
        return "redirect:/whatif";
    }

    private static void put(Map<String, Integer> policy, String key, Integer value) {
        if (value != null) {
            policy.put(key, value);
        }
    }
}
