package pl.okienko.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;

import pl.okienko.directory.Office;
import pl.okienko.schemas.AvroJson;

/**
 * Three sample offices modelled on the offices whose standards Okienko measures: a town office, a
 * county office and a labour office, each with departments, queues and desks. They give the demo, the tests and the benchmarks realistic directory entries for rules
 * Q1–Q5 and P1. The entries are in {@value #RESOURCE} beside this class, in the directory's JSON form (as the
 * admin API and a directory file take them).
 */
public final class SampleOffices {

    /** Urząd Miejski w Jędrzejowie, the town office. */
    public static final String TOWN = "UM-JED";
    /** Starostwo Powiatowe w Gostyninie, the county office. */
    public static final String COUNTY = "SP-GOS";
    /** Powiatowy Urząd Pracy w Łodzi, the labour office. */
    public static final String LABOUR = "PUP-LDZ";

    static final String RESOURCE = "sample-offices.json";

    private SampleOffices() {
    }

    /** The three sample offices, town, county, labour, in that order; built afresh on every call, since Avro records are mutable. */
    public static List<Office> all() {
        try (InputStream in = SampleOffices.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + SampleOffices.class.getName());
            }
            return List.copyOf(AvroJson.decodeList(new String(in.readAllBytes(), StandardCharsets.UTF_8), Office.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * One sample office.
     *
     * @throws NoSuchElementException if no sample office has that id
     */
    public static Office byId(String officeId) {
        return all().stream()
                .filter(office -> office.getOfficeId().equals(officeId))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no sample office " + officeId + "; known: " + TOWN + ", " + COUNTY + ", " + LABOUR));
    }
}
