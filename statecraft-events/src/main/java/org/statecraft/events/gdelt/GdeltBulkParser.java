package org.statecraft.events.gdelt;

import static org.statecraft.events.gdelt.GdeltColumns.A1CODE;
import static org.statecraft.events.gdelt.GdeltColumns.A1COUNTRY;
import static org.statecraft.events.gdelt.GdeltColumns.A1GROUP;
import static org.statecraft.events.gdelt.GdeltColumns.A2CODE;
import static org.statecraft.events.gdelt.GdeltColumns.A2COUNTRY;
import static org.statecraft.events.gdelt.GdeltColumns.A2GROUP;
import static org.statecraft.events.gdelt.GdeltColumns.EVENTCODE;
import static org.statecraft.events.gdelt.GdeltColumns.GOLDSTEIN;
import static org.statecraft.events.gdelt.GdeltColumns.ID;
import static org.statecraft.events.gdelt.GdeltColumns.QUADCLASS;
import static org.statecraft.events.gdelt.GdeltColumns.SQLDATE;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.statecraft.events.NearKey;
import org.statecraft.events.EventRules;
import org.statecraft.io.cameo.CameoCodebook;

/**
 * The GDELT reader for bulk ingest: parses a block of whole lines of a GDELT 1.0 or 2.0 export, as bytes, into
 * columns ({@link Batch}), without a {@code String} per field. It applies {@link GdeltReader}'s rules in the same
 * order and with the same messages (its own checks are called where they are not simple byte tests), so for a file
 * of valid UTF-8 it accepts, rejects and stores exactly what {@code GdeltReader} does; a test compares the two on
 * generated files with every kind of broken row. Lines end at LF, CR or CRLF, as {@link java.io.BufferedReader}'s.
 *
 * <p>Not thread-safe (it keeps caches of parsed dates, Goldstein values and event-code checks); use one per thread.
 * Blocks can be parsed in any order and on any thread: a {@link Batch} numbers its lines from 1 and its codes from 0,
 * and the caller places them.
 */
public final class GdeltBulkParser {
    /** A code field that was empty. */
    public static final int NO_CODE = -1;
    /** A GoldsteinScale that is not a number in [-10, 10]. */
    public static final int NO_OWN = Integer.MIN_VALUE;

    private static final int INVALID_DATE = Integer.MIN_VALUE;
    /**
     * The first tab whose position is needed after GoldsteinScale's (before GDELT 1.0's ActionGeo_FeatureID, column
     * 55); the ones between are only counted.
     */
    private static final int FIRST_TAIL_TAB = 54;

    private final boolean v2;
    private final CameoCodebook gdelt = CameoCodebook.of(CameoCodebook.Scale.GDELT);
    private final CameoCodebook icews = CameoCodebook.of(CameoCodebook.Scale.ICEWS);
    private final int[] tabs = new int[64];
    /** SQLDATE's 8 bytes → epoch day or INVALID_DATE. */
    private final LongIntMap dates = new LongIntMap();
    /** GoldsteinScale of up to 7 bytes (with its length) → millionths or NO_OWN. */
    private final LongIntMap owns = new LongIntMap();
    /** Event code → CODE_ROOT_OK | IN_BOTH_TABLES. */
    private final Map<String, Integer> eventCodeChecks = new HashMap<>();

    private static final int CODE_ROOT_OK = 1;
    private static final int IN_BOTH_TABLES = 2;

    /** @param v2 GDELT 2.0 (61 columns) rather than 1.0 (57/58) */
    public GdeltBulkParser(boolean v2) {
        this.v2 = v2;
    }

    /**
     * Parses {@code buf[from, to)}, which holds whole lines (the last may lack its line end only at the end of the
     * file; a CR ending the block is taken as a line end).
     */
    public Batch parse(byte[] buf, int from, int to) {
        Batch b = new Batch(Math.max(16, (to - from) / 200));
        int pos = from;
        int[] tabs = this.tabs;
        while (pos < to) {
            int start = pos;
            int n = 0;
            int i = pos;
            int end = -1;
            // 8 bytes at a time: a mask of the tabs and one of the line ends in each word
            for (; i + 8 <= to; i += 8) {
                long w = (long) LONGS.get(buf, i);
                long t = zeroBytes(w ^ 0x0909090909090909L);
                long e = zeroBytes(w ^ 0x0A0A0A0A0A0A0A0AL) | zeroBytes(w ^ 0x0D0D0D0D0D0D0D0DL);
                if (e != 0) {
                    int k = Long.numberOfTrailingZeros(e) >>> 3;
                    t &= (1L << (k << 3)) - 1;
                    end = i + k;
                }
                int count = Long.bitCount(t);
                if (n > GOLDSTEIN && n + count < FIRST_TAIL_TAB) {
                    n += count; // tabs between GoldsteinScale and the columns read at the end: only counted
                } else {
                    while (t != 0) {
                        if (n < tabs.length) {
                            tabs[n] = i + (Long.numberOfTrailingZeros(t) >>> 3);
                        }
                        n++;
                        t &= t - 1;
                    }
                }
                if (end >= 0) {
                    break;
                }
            }
            if (end < 0) {
                for (; i < to; i++) {
                    byte c = buf[i];
                    if (c == '\t') {
                        if (n < tabs.length) {
                            tabs[n] = i;
                        }
                        n++;
                    } else if (c == '\n' || c == '\r') {
                        break;
                    }
                }
                end = i;
            }
            pos = end >= to ? to : afterLineEnd(buf, end, to);
            b.lines++;
            line(b, buf, start, end, n + 1);
        }
        return b;
    }

    /**
     * The index after the last complete line end in {@code buf[from, to)}: LF, or a CR not at the very end (its LF
     * may be still to come); -1 if there is none. Blocks cut there hold whole lines.
     */
    public static int afterLastLineEnd(byte[] buf, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            byte c = buf[i];
            if (c == '\n' || (c == '\r' && i < to - 1)) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The index after the line end at {@code buf[end]} (LF, CR, or CRLF when the LF is before {@code to}). */
    private static int afterLineEnd(byte[] buf, int end, int to) {
        return buf[end] == '\r' && end + 1 < to && buf[end + 1] == '\n' ? end + 2 : end + 1;
    }

    /**
     * Reads {@code in} on to the end of the current line (LF, CR or CRLF), leaving what follows it at the start of
     * {@code buf}; returns how many bytes that is. For a line too long to be read.
     */
    public static int skipLine(InputStream in, byte[] buf) throws IOException {
        while (true) {
            int n = in.readNBytes(buf, 0, buf.length);
            if (n == 0) {
                return 0;
            }
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n' || buf[i] == '\r') {
                    if (buf[i] == '\r' && i + 1 == n) { // the LF of a CRLF may be the next byte
                        int b = in.read();
                        if (b < 0 || b == '\n') {
                            return 0;
                        }
                        buf[0] = (byte) b;
                        return 1;
                    }
                    int from = afterLineEnd(buf, i, n);
                    System.arraycopy(buf, from, buf, 0, n - from);
                    return n - from;
                }
            }
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    /** The high bit of each zero byte of {@code x} (exact: no borrow between bytes). */
    static long zeroBytes(long x) {
        long t = (x & LOW7) + LOW7; // high bit set where the low 7 bits are not all 0
        return ~(t | x | LOW7);
    }

    /** The bytes {@code buf[from, from + len)}, len at most 7, and len itself, as one long (distinct for distinct input). */
    static long shortKey(byte[] buf, int from, int len) {
        long bytes;
        if (from + 8 <= buf.length) {
            bytes = (long) LONGS.get(buf, from) & ((1L << (len << 3)) - 1);
        } else {
            bytes = 0;
            for (int i = 0; i < len; i++) {
                bytes |= (buf[from + i] & 0xFFL) << (8 * i);
            }
        }
        return bytes | (long) len << 56;
    }

    private int fieldStart(int lineStart, int i) {
        return i == 0 ? lineStart : tabs[i - 1] + 1;
    }

    private int fieldEnd(int lineEnd, int columns, int i) {
        return i < columns - 1 ? tabs[i] : lineEnd;
    }

    private static String text(byte[] buf, int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }

    private void line(Batch b, byte[] buf, int start, int end, int columns) {
        boolean ok = v2 ? columns == 61 : columns == 57 || columns == 58;
        if (!ok) {
            b.bad(columns + " tab-separated columns, expected " + (v2 ? "61 (GDELT 2.0)" : "57 or 58 (GDELT 1.0)"));
            return;
        }
        int s = fieldStart(start, ID);
        int e = fieldEnd(end, columns, ID);
        long id = digits(buf, s, e);
        if (id < 0) {
            b.bad("GLOBALEVENTID '" + text(buf, s, e) + "' is not a whole number");
            return;
        }
        s = fieldStart(start, SQLDATE);
        e = fieldEnd(end, columns, SQLDATE);
        int day = day(buf, s, e);
        if (day == INVALID_DATE) {
            b.bad("SQLDATE '" + text(buf, s, e) + "' is not a yyyyMMdd date");
            return;
        }
        int cs = fieldStart(start, EVENTCODE);
        int ce = fieldEnd(end, columns, EVENTCODE);
        int code = b.code(buf, cs, ce);
        int checks = code == NO_CODE ? 0 : b.checks(code, this);
        if ((checks & CODE_ROOT_OK) == 0) {
            b.bad("EventCode '" + (code == NO_CODE ? "" : b.codes.get(code)) + "' is not a CAMEO code");
            return;
        }
        s = fieldStart(start, QUADCLASS);
        e = fieldEnd(end, columns, QUADCLASS);
        int quad = e - s == 1 ? buf[s] - '0' : -1;
        if (quad < 1 || quad > 4) {
            b.bad("QuadClass '" + text(buf, s, e) + "' is not 1-4");
            return;
        }
        s = fieldStart(start, GOLDSTEIN);
        e = fieldEnd(end, columns, GOLDSTEIN);
        int own = own(buf, s, e);
        if ((checks & IN_BOTH_TABLES) == 0 && own == NO_OWN) {
            b.bad("no Goldstein value for EventCode '" + b.codes.get(code) + "' and GoldsteinScale '"
                    + text(buf, s, e) + "' is not a number");
            return;
        }
        int addedField = v2 ? 59 : 56;
        long dateAdded = digits(buf, fieldStart(start, addedField), fieldEnd(end, columns, addedField));
        int geo = v2 ? 58 : 55;
        int url = v2 ? 60 : columns == 58 ? 57 : -1;
        long h = NearKey.start(day);
        h = NearKey.add(h, buf, fieldStart(start, A1CODE), fieldEnd(end, columns, A1CODE));
        h = NearKey.add(h, buf, fieldStart(start, A2CODE), fieldEnd(end, columns, A2CODE));
        h = NearKey.add(h, buf, cs, ce);
        h = NearKey.add(h, buf, fieldStart(start, geo), fieldEnd(end, columns, geo));
        h = url < 0 ? NearKey.add(h, buf, 0, 0) : NearKey.add(h, buf, fieldStart(start, url), fieldEnd(end, columns, url));
        int r = b.row();
        b.id[r] = id;
        b.day[r] = day;
        b.actor1Country[r] = b.code(buf, fieldStart(start, A1COUNTRY), fieldEnd(end, columns, A1COUNTRY));
        b.actor1Group[r] = b.code(buf, fieldStart(start, A1GROUP), fieldEnd(end, columns, A1GROUP));
        b.actor2Country[r] = b.code(buf, fieldStart(start, A2COUNTRY), fieldEnd(end, columns, A2COUNTRY));
        b.actor2Group[r] = b.code(buf, fieldStart(start, A2GROUP), fieldEnd(end, columns, A2GROUP));
        b.cameo[r] = code;
        b.quad[r] = (byte) quad;
        b.own[r] = own;
        b.dateAdded[r] = Math.max(dateAdded, 0);
        b.nearKey[r] = NearKey.finish(h);
    }

    /** 1 to 18 ASCII digits as a number, else -1 (GdeltReader's test on GLOBALEVENTID and DATEADDED). */
    private static long digits(byte[] buf, int from, int to) {
        if (to == from || to - from > 18) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private int day(byte[] buf, int from, int to) {
        if (to - from != 8) {
            return INVALID_DATE;
        }
        long key = (long) LONGS.get(buf, from);
        int slot = dates.find(key);
        if (slot >= 0) {
            return dates.value(slot);
        }
        LocalDate d = GdeltReader.yyyymmdd(text(buf, from, to));
        int day = d == null ? INVALID_DATE : Math.toIntExact(d.toEpochDay());
        dates.put(key, day);
        return day;
    }

    private int own(byte[] buf, int from, int to) {
        int len = to - from;
        if (len > 7) {
            return ownOf(text(buf, from, to));
        }
        long key = shortKey(buf, from, len);
        int slot = owns.find(key);
        if (slot >= 0) {
            return owns.value(slot);
        }
        int v = ownOf(text(buf, from, to));
        owns.put(key, v);
        return v;
    }

    /** The stored form of GdeltReader's own(): millionths, or NO_OWN for no number in [-10, 10]. */
    private static int ownOf(String text) {
        double v = GdeltReader.own(text);
        return Double.isNaN(v) ? NO_OWN : (int) Math.round(v * 1_000_000.0);
    }

    private int eventCodeChecks(String code) {
        Integer c = eventCodeChecks.get(code);
        if (c == null) {
            int v = EventRules.quadClassOfCode(code) == 0 ? 0 : CODE_ROOT_OK;
            if (gdelt.goldstein(code).isPresent() && icews.goldstein(code).isPresent()) {
                v |= IN_BOTH_TABLES;
            }
            c = v;
            eventCodeChecks.put(code, c);
        }
        return c;
    }

    /**
     * One parsed block: the good rows as columns, the codes they use (countries, groups, event codes: local numbers
     * into {@link #codes}), and the malformed lines.
     */
    public static final class Batch {
        /** Lines in the block (good and malformed). */
        public int lines;
        /** Good rows. */
        public int rows;
        public long[] id;
        /** Epoch day of SQLDATE. */
        public int[] day;
        /** Local code numbers ({@link #codes}) or {@link #NO_CODE}. */
        public int[] actor1Country;
        public int[] actor1Group;
        public int[] actor2Country;
        public int[] actor2Group;
        public int[] cameo;
        public byte[] quad;
        /** The file's GoldsteinScale in millionths, or {@link #NO_OWN}. */
        public int[] own;
        /** DATEADDED as a number, 0 when it is not one. */
        public long[] dateAdded;
        public long[] nearKey;
        /** The codes, by local number. */
        public final List<String> codes = new ArrayList<>();
        /** Malformed lines: their numbers within the block (from 1) and reasons. */
        public final List<Integer> badLines = new ArrayList<>();
        public final List<String> badReasons = new ArrayList<>();

        private final List<Integer> codeChecks = new ArrayList<>();
        private final LongIntMap shortCodes = new LongIntMap();
        private Map<String, Integer> longCodes;

        Batch(int capacity) {
            id = new long[capacity];
            day = new int[capacity];
            actor1Country = new int[capacity];
            actor1Group = new int[capacity];
            actor2Country = new int[capacity];
            actor2Group = new int[capacity];
            cameo = new int[capacity];
            quad = new byte[capacity];
            own = new int[capacity];
            dateAdded = new long[capacity];
            nearKey = new long[capacity];
        }

        /** The report of one line longer than {@code limit} bytes, which the caller skipped without reading it. */
        public static Batch overlong(int limit) {
            Batch b = new Batch(1);
            b.lines = 1;
            b.bad("line longer than " + (limit >> 20) + " MiB, not read");
            return b;
        }

        private void bad(String reason) {
            badLines.add(lines);
            badReasons.add(reason);
        }

        private int row() {
            if (rows == id.length) {
                int c = rows * 2;
                id = Arrays.copyOf(id, c);
                day = Arrays.copyOf(day, c);
                actor1Country = Arrays.copyOf(actor1Country, c);
                actor1Group = Arrays.copyOf(actor1Group, c);
                actor2Country = Arrays.copyOf(actor2Country, c);
                actor2Group = Arrays.copyOf(actor2Group, c);
                cameo = Arrays.copyOf(cameo, c);
                quad = Arrays.copyOf(quad, c);
                own = Arrays.copyOf(own, c);
                dateAdded = Arrays.copyOf(dateAdded, c);
                nearKey = Arrays.copyOf(nearKey, c);
            }
            return rows++;
        }

        /** The local number of the code in {@code buf[from, to)}, NO_CODE when empty. */
        private int code(byte[] buf, int from, int to) {
            int len = to - from;
            if (len == 0) {
                return NO_CODE;
            }
            if (len <= 7) {
                long key = shortKey(buf, from, len);
                int slot = shortCodes.find(key);
                if (slot >= 0) {
                    return shortCodes.value(slot);
                }
                int n = newCode(text(buf, from, to));
                shortCodes.put(key, n);
                return n;
            }
            if (longCodes == null) {
                longCodes = new HashMap<>();
            }
            String t = text(buf, from, to);
            Integer n = longCodes.get(t);
            if (n == null) {
                n = newCode(t);
                longCodes.put(t, n);
            }
            return n;
        }

        private int newCode(String text) {
            codes.add(text);
            codeChecks.add(-1);
            return codes.size() - 1;
        }

        private int checks(int code, GdeltBulkParser p) {
            int c = codeChecks.get(code);
            if (c < 0) {
                c = p.eventCodeChecks(codes.get(code));
                codeChecks.set(code, c);
            }
            return c;
        }
    }

    /** Open addressing from any long to an int. */
    static final class LongIntMap {
        private long[] keys = new long[64];
        private int[] values = new int[64];
        private boolean[] used = new boolean[64];
        private int size;

        /** The slot holding {@code key}, or -1. */
        int find(long key) {
            int mask = keys.length - 1;
            int i = spread(key) & mask;
            while (used[i]) {
                if (keys[i] == key) {
                    return i;
                }
                i = (i + 1) & mask;
            }
            return -1;
        }

        int value(int slot) {
            return values[slot];
        }

        void put(long key, int value) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = spread(key) & mask;
            while (used[i]) {
                if (keys[i] == key) {
                    values[i] = value;
                    return;
                }
                i = (i + 1) & mask;
            }
            used[i] = true;
            keys[i] = key;
            values[i] = value;
            size++;
        }

        private void grow() {
            long[] k = keys;
            int[] v = values;
            boolean[] u = used;
            keys = new long[k.length * 2];
            values = new int[k.length * 2];
            used = new boolean[k.length * 2];
            size = 0;
            for (int i = 0; i < k.length; i++) {
                if (u[i]) {
                    put(k[i], v[i]);
                }
            }
        }

        /** MurmurHash3's finaliser: every key bit reaches the low bits the mask keeps (dates differ in their last bytes). */
        private static int spread(long key) {
            long h = (key ^ (key >>> 33)) * 0xFF51AFD7ED558CCDL;
            h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
            return (int) (h ^ (h >>> 33));
        }
    }
}
