package pl.okienko.topics;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.time.Duration;

import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.utils.Utils;

/**
 * One request to one broker over Kafka's wire protocol, for the few requests the admin client does not
 * offer (writing a commit marker, which only a transaction coordinator does). A size-prefixed request
 * with its header, then the size-prefixed response; the broker needs no version negotiation first.
 */
final class BrokerRequest {

    private static final String CLIENT_ID = "okienko-embedded-recovery";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private BrokerRequest() {
    }

    /**
     * Sends {@code request} to the broker at {@code hostAndPort} ({@code host:port}) and returns its response.
     *
     * @throws IOException if the broker cannot be reached or closes the connection
     */
    static AbstractResponse send(String hostAndPort, AbstractRequest request) throws IOException {
        RequestHeader header = new RequestHeader(request.apiKey(), request.version(), CLIENT_ID, 1);
        ByteBuffer payload = request.serializeWithHeader(header);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Utils.getHost(hostAndPort), Utils.getPort(hostAndPort)),
                    (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(payload.remaining());
            Channels.newChannel(out).write(payload);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] response = new byte[in.readInt()];
            in.readFully(response);
            return AbstractResponse.parseResponse(ByteBuffer.wrap(response), header);
        }
    }
}
