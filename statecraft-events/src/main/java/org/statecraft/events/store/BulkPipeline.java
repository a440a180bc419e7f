package org.statecraft.events.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.statecraft.events.EventFormat;
import org.statecraft.events.gdelt.GdeltBulkParser;

/**
 * The bulk GDELT read: a reader thread reads a file in blocks of whole lines (and hashes the raw bytes on the way),
 * a pool of threads parses the blocks ({@link GdeltBulkParser}), and the calling thread appends them to the {@link
 * EventSink} in file order, so rows keep their order and line numbers. At most a few blocks are in flight, so the
 * heap stays bounded whatever the file size.
 */
final class BulkPipeline {
    /** Bytes of a file handed to one parser task (a longer line gets a larger block). */
    static final int BLOCK_BYTES = 4 << 20;
    /** A GDELT line longer than this (real ones are under 2 KiB) is reported malformed without being read. */
    static final int MAX_LINE_BYTES = 16 << 20;

    private BulkPipeline() {
    }

    /** Reads {@code file} (raw bytes through {@code raw}) into {@code sink}; returns the lines read. */
    static long read(Path file, boolean v2, EventSink sink, UnaryOperator<InputStream> raw)
            throws IOException, SQLException {
        // this thread appends, the reader reads and hashes, the parsers parse: on 2 cores one parser thread was
        // fastest (1.9-2.0 s to append 2M rows, against 2.0-2.05 s with two and 2.3 s parsing on the reading thread);
        // -Dstatecraft.parse.threads=N overrides (0: parse on the reading thread)
        int threads = Integer.getInteger("statecraft.parse.threads",
                Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        ExecutorService parsers = threads == 0 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "statecraft-parse");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<GdeltBulkParser> parser = ThreadLocal.withInitial(() -> new GdeltBulkParser(v2));
        BlockingQueue<Future<GdeltBulkParser.Batch>> queue = new ArrayBlockingQueue<>(threads + 2);
        Future<GdeltBulkParser.Batch> end = CompletableFuture.completedFuture(null);
        // blocks go back to a pool once parsed (a new 4 MiB array per block costs the collector more than the parse)
        BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(threads + 4);
        Thread reader = new Thread(() -> {
            try {
                try (InputStream in = EventFormat.openBytes(file, raw)) {
                    readBlocks(in, queue, parsers, parser, free);
                } catch (IOException | RuntimeException e) {
                    queue.put(CompletableFuture.failedFuture(e));
                }
                queue.put(end);
            } catch (InterruptedException e) {
                // the ingest was given up: stop reading
            }
        }, "statecraft-read");
        reader.setDaemon(true);
        reader.start();
        long lines = 0;
        try {
            while (true) {
                Future<GdeltBulkParser.Batch> f = queue.take();
                if (f == end) {
                    return lines;
                }
                GdeltBulkParser.Batch b = f.get();
                sink.batch(b);
                lines += b.lines;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + file, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(c);
        } finally {
            reader.interrupt();
            if (parsers != null) {
                parsers.shutdownNow();
            }
        }
    }

    private static void readBlocks(InputStream in, BlockingQueue<Future<GdeltBulkParser.Batch>> queue,
            ExecutorService parsers, ThreadLocal<GdeltBulkParser> parser, BlockingQueue<byte[]> free)
            throws IOException, InterruptedException {
        byte[] buf = block(free, BLOCK_BYTES);
        int len = 0;
        while (true) {
            len += in.readNBytes(buf, len, buf.length - len);
            if (len < buf.length) { // the end of the file
                if (len > 0) {
                    queue.put(parse(parsers, parser, free, buf, len));
                }
                return;
            }
            int cut = GdeltBulkParser.afterLastLineEnd(buf, 0, len);
            if (cut < 0 && buf.length >= MAX_LINE_BYTES) { // reported, not read: the heap stays bounded
                queue.put(CompletableFuture.completedFuture(GdeltBulkParser.Batch.overlong(MAX_LINE_BYTES)));
                len = GdeltBulkParser.skipLine(in, buf);
                continue;
            }
            if (cut < 0) { // one line longer than the block: grow it, up to the limit
                buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_LINE_BYTES));
                continue;
            }
            byte[] next = block(free, 2 * (len - cut));
            System.arraycopy(buf, cut, next, 0, len - cut);
            queue.put(parse(parsers, parser, free, buf, cut));
            buf = next;
            len = len - cut;
        }
    }

    /** A free block of at least {@code min} bytes (and at least {@link #BLOCK_BYTES}). */
    private static byte[] block(BlockingQueue<byte[]> free, int min) {
        byte[] b = free.poll();
        return b != null && b.length >= min ? b : new byte[Math.max(BLOCK_BYTES, min)];
    }

    /** Parses {@code block[0, len)} on the pool (or here, without one), then gives the block back. */
    private static Future<GdeltBulkParser.Batch> parse(ExecutorService parsers, ThreadLocal<GdeltBulkParser> parser,
            BlockingQueue<byte[]> free, byte[] block, int len) {
        Callable<GdeltBulkParser.Batch> task = () -> {
            try {
                return parser.get().parse(block, 0, len);
            } finally {
                free.offer(block);
            }
        };
        if (parsers != null) {
            return parsers.submit(task);
        }
        try { // parsed here, on the reading thread
            return CompletableFuture.completedFuture(task.call());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
