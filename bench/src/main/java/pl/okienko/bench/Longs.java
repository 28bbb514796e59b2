package pl.okienko.bench;

import java.nio.ByteBuffer;

/** Eight big-endian bytes for a long, as the send-time header carries it. */
final class Longs {

    private Longs() {
    }

    static byte[] toBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    static long fromBytes(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }
}
