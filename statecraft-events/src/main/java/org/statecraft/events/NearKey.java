package org.statecraft.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * What a re-emitted GDELT 2.0 event repeats, as one 64-bit hash: the day, Actor1Code, Actor2Code, EventCode,
 * ActionGeo_FeatureID and SOURCEURL. Fields are hashed as their UTF-8 bytes, each prefixed with its length (or a
 * null marker for an empty or absent field), so no two different field tuples share an input; the mixing is
 * MurmurHash3's 64-bit finaliser over 8-byte words. The value is stored ({@code events.near_key}), so this function
 * must not change between releases. The bulk GDELT parser hashes the bytes of the file; {@link #of(LocalDate,
 * String, String, String, String, String)} hashes the strings a reader decoded, which gives the same value for
 * every valid UTF-8 field.
 */
public final class NearKey {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SEED = 0x5354415445435246L; // "STATECRF"
    private static final long NULL_FIELD = -1L;

    private NearKey() {
    }

    /** A running hash; {@link #finish} gives the key. */
    public static long start(long epochDay) {
        return mix(SEED, epochDay);
    }

    /** Adds {@code buf[from, to)} (an empty range counts as absent, as GDELT's empty fields are). */
    public static long add(long h, byte[] buf, int from, int to) {
        int len = to - from;
        if (len == 0) {
            return mix(h, NULL_FIELD);
        }
        h = mix(h, len);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = mix(h, (long) LONGS.get(buf, i));
        }
        if (i < to) {
            long tail = 0;
            for (int shift = 0; i < to; i++, shift += 8) {
                tail |= (buf[i] & 0xFFL) << shift;
            }
            h = mix(h, tail);
        }
        return h;
    }

    public static long finish(long h) {
        return fmix(h);
    }

    /** The key of decoded fields (null or empty = absent). */
    public static long of(LocalDate date, String actor1Code, String actor2Code, String cameo, String geoFeature,
            String url) {
        long h = start(date.toEpochDay());
        for (String f : new String[] {actor1Code, actor2Code, cameo, geoFeature, url}) {
            byte[] b = f == null ? new byte[0] : f.getBytes(StandardCharsets.UTF_8);
            h = add(h, b, 0, b.length);
        }
        return finish(h);
    }

    private static long mix(long h, long v) {
        h ^= fmix(v + 0x9E3779B97F4A7C15L);
        return Long.rotateLeft(h, 27) * 0x9E3779B97F4A7C15L + 0x52DCE729L;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }
}
