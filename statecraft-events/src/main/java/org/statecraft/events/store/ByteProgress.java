package org.statecraft.events.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Reports raw bytes read, about every megabyte. */
final class ByteProgress extends FilterInputStream {
    private final LongConsumer listener;
    private long read;
    private long reported;

    ByteProgress(InputStream in, LongConsumer listener) {
        super(in);
        this.listener = listener;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) {
        read += n;
        if (listener != null && read - reported >= (1 << 20)) {
            reported = read;
            listener.accept(read);
        }
    }
}
