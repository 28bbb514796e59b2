package pl.okienko.dashboard.platform.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One concern's part of the region overview (issue 14): the key figures of one office now, judged as
 * its panel judges them ({@link KeyFigure.State}). Each concern's package declares its own as a bean;
 * the overview combines them with the office's active alerts without knowing any concern's views.
 */
public interface OverviewSection {

    /** The concern whose figures these are. */
    Concern concern();

    /**
     * The office's key figures of this concern at {@code now}, the most telling first; empty when the
     * office has no data of this kind (no phone line, no complaint ever registered).
     *
     * @throws RuntimeException when the views cannot be read now (Kafka Streams restoring): the overview
     *     shows the concern as unknown
     */
    List<KeyFigure> keyFigures(String officeId, Instant now);

    /** A section of {@code concern} whose figures {@code figures} reads. */
    static OverviewSection of(Concern concern, Figures figures) {
        return new OverviewSection() {
            @Override
            public Concern concern() {
                return concern;
            }

            @Override
            public List<KeyFigure> keyFigures(String officeId, Instant now) {
                return figures.of(officeId, now);
            }
        };
    }

    /**
     * A section of {@code concern} that reads the office's live view with {@code reading} and, when
     * {@code shown} holds for it (the office has data of this kind), takes its {@code figures}.
     */
    static <V> OverviewSection of(Concern concern, BiFunction<String, Instant, Optional<V>> reading,
            Predicate<? super V> shown, Function<? super V, List<KeyFigure>> figures) {
        return of(concern, (officeId, now) -> reading.apply(officeId, now).filter(shown)
                .<List<KeyFigure>>map(figures).orElse(List.of()));
    }

    /** How a concern reads an office's key figures. */
    @FunctionalInterface
    interface Figures {
        List<KeyFigure> of(String officeId, Instant now);
    }
}
