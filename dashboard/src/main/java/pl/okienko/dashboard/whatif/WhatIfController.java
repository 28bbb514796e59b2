package pl.okienko.dashboard.whatif;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import pl.okienko.dashboard.platform.security.OfficeAccess;
import pl.okienko.dashboard.platform.web.OfficeDirectory;
import pl.okienko.dashboard.platform.web.UnknownOfficeException;
import pl.okienko.directory.Office;
import pl.okienko.processors.directory.OfficeInfo;
import pl.okienko.processors.phone.PhoneViews;
import pl.okienko.processors.whatif.PolicyOverride;

/**
 * The what-if API for analysts and admins (issue 15; T1, T3, T4 on the phone topology): {@code POST /api/v1/whatif}
 * starts a replay (202 with its job and {@code Location}), {@code GET /api/v1/whatif/{id}} tells its state, progress
 * and, once done, its figures beside the live ones, {@code GET /api/v1/whatif} lists the caller's offices' jobs, and
 * {@code DELETE /api/v1/whatif/{id}} discards one with its state and topics. Office scope applies to every job.
 */
@RestController
public class WhatIfController {

    /** The longest period a replay may recompute, in days. */
    static final int MAX_DAYS = 366;

    private final WhatIfReplays replays;
    private final WhatIfJobs jobs;
    private final OfficeDirectory directory;
    private final OfficeAccess access;
    private final PhoneViews live;

    WhatIfController(WhatIfReplays replays, WhatIfJobs jobs, OfficeDirectory directory, OfficeAccess access,
            PhoneViews live) {
        this.replays = replays;
        this.jobs = jobs;
        this.directory = directory;
        this.access = access;
        this.live = live;
    }

    @PostMapping("/api/v1/whatif")
    public ResponseEntity<WhatIfView> start(@RequestBody WhatIfRequest request, Authentication caller) {
        WhatIfJob job = submit(request, caller);
        return ResponseEntity.accepted().location(URI.create("/api/v1/whatif/" + job.id())).body(view(job));
    }

    @GetMapping("/api/v1/whatif")
    public List<WhatIfView> list(Authentication caller) {
        return jobs.all().stream().filter(job -> access.canSee(caller, job.officeId())).map(this::view).toList();
    }

    @GetMapping("/api/v1/whatif/{id}")
    public WhatIfView get(@PathVariable String id, Authentication caller) {
        return view(find(id, caller));
    }

    @DeleteMapping("/api/v1/whatif/{id}")
    public ResponseEntity<Void> discard(@PathVariable String id, Authentication caller) {
        replays.discard(find(id, caller));
        return ResponseEntity.noContent().build();
    }

    /** Checks a request and starts its replay; shared with the page. */
    WhatIfJob submit(WhatIfRequest request, Authentication caller) {
        if (request == null || request.officeId() == null || request.officeId().isBlank()) {
            throw bad("officeId is required");
        }
        if (request.from() == null || request.to() == null) {
            throw bad("from and to are required: office-local days, YYYY-MM-DD, both included");
        }
        if (request.to().isBefore(request.from())) {
            throw bad("to " + request.to() + " is before from " + request.from());
        }
        long days = ChronoUnit.DAYS.between(request.from(), request.to()) + 1;
        if (days > MAX_DAYS) {
            throw bad("at most " + MAX_DAYS + " days per what-if, asked for " + days);
        }
        PolicyOverride override;
        try {
            override = PolicyOverride.parse(request.policy());
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        override.values().keySet().stream().filter(key -> !WhatIfReplays.REPLAYED.contains(key)).findFirst()
                .ifPresent(key -> {
                    throw bad("policy key '" + key.field() + "' (" + key.rule() + ") cannot be replayed yet: "
                            + "what-ifs recompute the phone rules (T1, T3, T4)");
                });
        access.check(caller, request.officeId());
        Office office = directory.office(request.officeId())
                .orElseThrow(() -> new UnknownOfficeException(request.officeId(), "entry in the directory"));
        return replays.submit(request.officeId(), OfficeInfo.of(request.officeId(), office).zone(), request.from(),
                request.to(), override, caller == null ? null : caller.getName());
    }

    /** The caller's job; 404 for one that does not exist, 403 for one of an office the caller may not see. */
    WhatIfJob find(String id, Authentication caller) {
        WhatIfJob job = jobs.get(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no what-if job " + id + " (discarded, or never started)"));
        access.check(caller, job.officeId());
        return job;
    }

    WhatIfView view(WhatIfJob job) {
        PeriodFigures actual = job.state() == WhatIfJob.State.DONE
                ? PeriodFigures.of(live, job.officeId(), job.from(), job.to(), Instant.now()) : null;
        return WhatIfView.of(job, actual);
    }

    private static ResponseStatusException bad(String why) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, why);
    }
}
