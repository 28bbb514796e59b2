package pl.okienko.dashboard.whatif;

import java.time.LocalDate;
import java.util.Map;

/**
 * {@code POST /api/v1/whatif}: recompute {@code officeId}'s office-local days {@code from} to {@code to} (both
 * included) with the thresholds of {@code policy} (Policy field → value, e.g. {@code {"phoneAnswerSeconds": 20}}).
 */
public record WhatIfRequest(String officeId, LocalDate from, LocalDate to, Map<String, Integer> policy) {
}
