package pl.okienko.bench.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * A Server-Sent Events stream of a page held open as the browser holds it, read on a thread of its own: the latest
 * event's data, and a listener that gets each event's data as it completes.
 */
public final class SseStream {

    private final ConcurrentLinkedQueue<String> latest = new ConcurrentLinkedQueue<>();
    private volatile Consumer<String> listener;

    private SseStream() {
    }

    static SseStream open(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (stream.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + stream.statusCode());
        }
        SseStream sse = new SseStream();
        Thread reader = new Thread(() -> sse.read(stream.body()), "sse " + url);
        reader.setDaemon(true);
        reader.start();
        return sse;
    }

    /** Hands every event from now on to {@code listener}; null stops. */
    public void listen(Consumer<String> listener) {
        this.listener = listener;
    }

    /** The data of the latest event, or empty before the first. */
    public String latest() {
        String last = null;
        for (String data : latest) {
            last = data;
        }
        return last == null ? "" : last;
    }

    private void read(InputStream body) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    data.append(line, 5, line.length()).append('\n');
                } else if (line.isEmpty() && data.length() > 0) {
                    String event = data.toString();
                    data.setLength(0);
                    latest.clear();
                    latest.add(event);
                    Consumer<String> current = listener;
                    if (current != null) {
                        current.accept(event);
                    }
                }
            }
        } catch (IOException e) {
            System.err.println("stream ended: " + e);
        }
    }
}
