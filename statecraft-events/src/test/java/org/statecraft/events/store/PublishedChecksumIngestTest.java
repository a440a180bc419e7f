package org.statecraft.events.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statecraft.core.DataFormatException;
import org.statecraft.events.EventFormat;
import org.statecraft.events.EventReader;
import org.statecraft.events.FileDigest;
import org.statecraft.events.Samples;
import org.statecraft.events.fetch.PublishedChecksums;

/** The ingest checks a file against GDELT's published MD5 and size in the read that parses it. */
class PublishedChecksumIngestTest {
    @TempDir
    Path tmp;

    private static PublishedChecksums published(Path file, String md5, long size) {
        String name = file.getFileName().toString();
        return PublishedChecksums.parse(md5 + "  " + name + "\n", size + " " + name + "\n");
    }

    private Path sample() throws IOException {
        return Files.copy(Samples.gdeltMixed(), tmp.resolve("20240101.export.CSV"));
    }

    @Test
    void aFileWhoseMd5DiffersFromThePublishedOneIsRefusedByNameAndNoneOfItsRowsAreStored() throws Exception {
        Path f = sample();
        String wrong = "0123456789abcdef0123456789abcdef";
        String right = FileDigest.hex(f, "MD5");
        try (EventStore s = EventStore.open(tmp.resolve("store"))) {
            IngestOptions o = IngestOptions.defaults().verifiedAgainst(published(f, wrong, Files.size(f)));
            assertThatThrownBy(() -> s.ingest(f, o, null))
                    .isInstanceOfSatisfying(DataFormatException.class, e -> {
                        assertThat(e.file()).isEqualTo(f.toString());
                        assertThat(e.getMessage()).contains("MD5 " + right).contains("published " + wrong);
                    });
            assertThat(s.count()).isZero();
            assertThat(s.files()).isEmpty();
            assertThat(s.malformedRows()).isEmpty();
            // the same file with its right MD5 is then stored in full
            IngestResult r = s.ingest(f, IngestOptions.defaults().verifiedAgainst(published(f, right, Files.size(f))), null);
            assertThat(r.skipped()).isFalse();
            assertThat(s.count()).isEqualTo(100);
            String sha = FileDigest.hex(f, "SHA-256");
            assertThat(s.files()).singleElement().satisfies(x -> assertThat(x.sha256()).isEqualTo(sha));
        }
    }

    /** The sample's rows under new GLOBALEVENTIDs, 8,000 of them (about 2.5 MB), so that reading it reports progress. */
    private Path bigSample() throws IOException {
        Path p = Samples.renumbered(Samples.gdeltMixed(), tmp.resolve("20240102.export.CSV"), 8_000, 700_000_000L);
        assertThat(Files.size(p)).isGreaterThan(2L << 20);
        return p;
    }

    @Test
    void aFileWhoseSizeDiffersFromThePublishedOneIsRefusedBeforeItIsRead() throws Exception {
        Path f = bigSample();
        long size = Files.size(f);
        String md5 = FileDigest.hex(f, "MD5");
        // what would see the file read: the progress listener (raw bytes, about every MiB, on both paths) and, on the
        // reader path, the reader itself
        List<Long> progress = new ArrayList<>();
        AtomicInteger readerCalls = new AtomicInteger();
        EventReader reader = (in, file, h) -> {
            readerCalls.incrementAndGet();
            return EventFormat.GDELT1.reader().read(in, file, h);
        };
        try (EventStore s = EventStore.open(tmp.resolve("store"))) {
            IngestOptions o = IngestOptions.defaults().verifiedAgainst(published(f, md5, size + 1));
            assertThatThrownBy(() -> s.ingest(f, o, progress::add)).isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("published size " + (size + 1));
            assertThatThrownBy(() -> s.ingest(f, EventFormat.GDELT1, reader, o, progress::add, null, false))
                    .isInstanceOf(DataFormatException.class).hasMessageContaining("published size " + (size + 1));
            assertThat(progress).as("bytes read before the refusal").isEmpty();
            assertThat(readerCalls).hasValue(0);
            assertThat(s.count()).isZero();
            assertThat(s.files()).isEmpty();
            assertThat(s.malformedRows()).isEmpty();
            // with its own size published the same file is read, and the same observers see it
            IngestOptions right = IngestOptions.defaults().verifiedAgainst(published(f, md5, size));
            assertThat(s.ingest(f, EventFormat.GDELT1, reader, right, progress::add, null, false).stored()).isEqualTo(8_000);
            assertThat(readerCalls).hasValue(1);
            assertThat(progress).isNotEmpty().allSatisfy(b -> assertThat(b).isBetween(1L, size));
        }
    }

    @Test
    void aFileTheListDoesNotNameIsIngestedUnchecked() throws Exception {
        Path f = sample();
        try (EventStore s = EventStore.open(tmp.resolve("store"))) {
            IngestOptions o = IngestOptions.defaults().verifiedAgainst(published(tmp.resolve("other.CSV"),
                    "0123456789abcdef0123456789abcdef", 1));
            assertThat(s.ingest(f, o, null).stored()).isEqualTo(100);
        }
    }

    /** Counts the bytes read from the file. */
    private static final class Counting extends FilterInputStream {
        final AtomicLong read;

        Counting(InputStream in, AtomicLong read) {
            super(in);
            this.read = read;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            read.addAndGet(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            read.addAndGet(Math.max(n, 0));
            return n;
        }
    }

    /** Reads {@code file} as the ingest does (through the digests, then the parse reading its content to the end). */
    private static long bytesReadToDigest(Path file, FileDigests d) throws IOException {
        AtomicLong read = new AtomicLong();
        try (InputStream in = EventFormat.openBytes(file, raw -> d.wrap(new Counting(raw, read)))) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        assertThat(d.bytes()).isEqualTo(read.get());
        d.finish(file);
        return read.get();
    }

    @Test
    void bothDigestsOfAPlainFileComeFromOneReadOfIt() throws Exception {
        Path f = sample();
        FileDigests d = new FileDigests(true);
        assertThat(bytesReadToDigest(f, d)).isEqualTo(Files.size(f));
        assertThat(d.bytes()).isEqualTo(Files.size(f)); // finish had nothing left to read
        assertThat(d.md5Hex()).isEqualTo(FileDigest.hex(f, "MD5"));
        assertThat(d.sha256Hex()).isEqualTo(FileDigest.hex(f, "SHA-256"));
    }

    @Test
    void aZipReadToItsFirstEntrysEndHasOnlyItsTailReadAgainAndBothDigestsAreOfTheWholeFile() throws Exception {
        Path zip = tmp.resolve("20240101.export.CSV.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("20240101.export.CSV"));
            Files.copy(Samples.gdeltMixed(), out);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("padding.bin")); // the parse stops before it: the digests read it as the tail
            byte[] noise = new byte[500_000];
            new Random(1).nextBytes(noise); // incompressible, so it stays far beyond the read-ahead buffer
            out.write(noise);
            out.closeEntry();
        }
        FileDigests d = new FileDigests(true);
        long read = bytesReadToDigest(zip, d);
        assertThat(read).isLessThan(Files.size(zip));
        assertThat(d.bytes()).isEqualTo(Files.size(zip)); // the tail once, from where the read stopped
        assertThat(d.md5Hex()).isEqualTo(FileDigest.hex(zip, "MD5"));
        assertThat(d.sha256Hex()).isEqualTo(FileDigest.hex(zip, "SHA-256"));
    }
}
