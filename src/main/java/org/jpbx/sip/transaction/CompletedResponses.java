package org.jpbx.sip.transaction;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The final responses of completed non-INVITE server transactions on unreliable transports, kept
 * for timer J (64*T1) so that a retransmitted request gets the same response again (RFC 3261
 * §17.2.2, Completed state) after its transaction object is gone.
 *
 * <p>Why not keep the transactions: at thousands of requests a second, 32 s of completed
 * transactions are hundreds of thousands of them. As objects (transaction, key, flow, addresses,
 * timer entry) they were most of the live heap, and every young collection copied and promoted
 * them. Here each one is a run of bytes in fixed-size chunks, written in the order transactions
 * complete. That is also the order they expire, since all wait the same time, so expiry only ever
 * moves the head forward and frees whole chunks. An open-addressing index maps a key's hash to its
 * entry. The collector sees a few arrays, whatever the rate.
 *
 * <p>One instance per lane, used only on that lane's thread.
 */
final class CompletedResponses {
    /** Entry: size (int), key hash (int), due (long), key length (int), key (UTF-8), response bytes. */
    private static final int HEADER = 20;
    /** The largest UDP datagram plus its header and a long key fits in one chunk. */
    static final int CHUNK = 1 << 18;
    private static final int SPARE_CHUNKS = 2;
    private static final int MIN_INDEX = 1 << 10;
    /** Expiry runs at most this often; an entry may outlive its due time by as much, never less. */
    static final long SWEEP_GRANULARITY_MS = 50;

    private final Lane lane;

    // Chunks in use, oldest first, as a circular array: chunk number firstChunk + i is at
    // chunks[(start + i) % chunks.length]. Positions are absolute: chunk number * CHUNK + offset.
    private byte[][] chunks = new byte[4][];
    private int start;
    private int chunkCount;
    private long firstChunk;
    private final byte[][] spares = new byte[SPARE_CHUNKS][];
    private int spareCount;

    private long head; // position of the oldest entry
    private long tail; // position where the next entry goes
    private int entries;

    /** Position + 1 of an entry (0 = free slot), with the key hash beside it; linear probing. */
    private long[] slots = new long[MIN_INDEX];
    private int[] slotHashes = new int[MIN_INDEX];

    private boolean armed;

    CompletedResponses(Lane lane) {
        this.lane = lane;
    }

    int size() { return entries; }

    /** Bytes held in chunks, spares included. */
    long retainedBytes() { return (long) (chunkCount + spareCount) * CHUNK; }

    /** Keeps {@code wire} as the answer to retransmissions of the request with {@code key} for {@code keepMillis}. */
    void add(String key, byte[] wire, long keepMillis) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        int size = HEADER + keyBytes.length + wire.length;
        if (size > CHUNK) return; // no datagram is this large; it could not have been sent over UDP
        int hash = hash(key);
        long at = reserve(size);
        byte[] chunk = chunkOf(at);
        int off = (int) (at % CHUNK);
        putInt(chunk, off, size);
        putInt(chunk, off + 4, hash);
        putLong(chunk, off + 8, lane.nowMillis() + keepMillis);
        putInt(chunk, off + 16, keyBytes.length);
        System.arraycopy(keyBytes, 0, chunk, off + HEADER, keyBytes.length);
        System.arraycopy(wire, 0, chunk, off + HEADER + keyBytes.length, wire.length);
        if (entries == 0) head = at;
        tail = at + size;
        entries++;
        if ((entries << 1) > slots.length) rehash(slots.length << 1);
        insert(at, hash);
        if (!armed) arm(0);
    }

    /** The response kept for {@code key}, as a fresh copy, or null when there is none (or it has expired). */
    byte[] find(String key) {
        if (entries == 0) return null;
        int hash = hash(key);
        int mask = slots.length - 1;
        byte[] keyBytes = null;
        for (int i = hash & mask; slots[i] != 0; i = (i + 1) & mask) {
            if (slotHashes[i] != hash) continue;
            long at = slots[i] - 1;
            byte[] chunk = chunkOf(at);
            int off = (int) (at % CHUNK);
            int keyLength = getInt(chunk, off + 16);
            if (keyBytes == null) keyBytes = key.getBytes(StandardCharsets.UTF_8);
            if (keyLength != keyBytes.length
                    || !Arrays.equals(chunk, off + HEADER, off + HEADER + keyLength, keyBytes, 0, keyLength)) continue;
            // due but not swept yet: a newer entry of the same key may follow in the probe run
            if (getLong(chunk, off + 8) <= lane.nowMillis()) continue;
            int from = off + HEADER + keyLength;
            return Arrays.copyOfRange(chunk, from, off + getInt(chunk, off));
        }
        return null;
    }

    // ---- expiry ----

    private void arm(long minDelay) {
        armed = true;
        long due = getLong(chunkOf(head), (int) (head % CHUNK) + 8);
        lane.schedule(this::sweep, Math.max(minDelay, due - lane.nowMillis()));
    }

    private void sweep() {
        armed = false;
        long now = lane.nowMillis();
        while (entries > 0) {
            byte[] chunk = chunkOf(head);
            int off = (int) (head % CHUNK);
            if (getLong(chunk, off + 8) > now) break;
            remove(head, getInt(chunk, off + 4));
            entries--;
            head = entries == 0 ? tail : next(head + getInt(chunk, off));
        }
        releaseChunksBefore(entries == 0 ? tail : head);
        if (entries == 0) {
            if (slots.length > MIN_INDEX) rehash(MIN_INDEX);
            return;
        }
        if ((entries << 3) < slots.length && slots.length > MIN_INDEX) rehash(slots.length >> 1);
        arm(SWEEP_GRANULARITY_MS);
    }

    /** The position of the entry at or after {@code at}: the rest of a chunk an entry did not fit in is skipped. */
    private long next(long at) {
        int off = (int) (at % CHUNK);
        if (off == 0 || CHUNK - off >= HEADER && getInt(chunkOf(at), off) != 0) return at;
        return at - off + CHUNK;
    }

    // ---- chunks ----

    /** Room for {@code size} bytes at the tail: in the tail's chunk when they fit, else at the start of a new one. */
    private long reserve(int size) {
        long at = tail;
        int off = (int) (at % CHUNK);
        if (chunkCount == 0 || at >= (firstChunk + chunkCount) * CHUNK) {
            appendChunk(at / CHUNK);
        } else if (CHUNK - off < size) {
            if (CHUNK - off >= HEADER) putInt(chunkOf(at), off, 0); // marks the rest of this chunk unused
            at = at - off + CHUNK;
            appendChunk(at / CHUNK);
        }
        return at;
    }

    private void appendChunk(long number) {
        if (chunkCount == 0) {
            firstChunk = number;
            start = 0;
        }
        if (chunkCount == chunks.length) {
            byte[][] bigger = new byte[chunks.length << 1][];
            for (int i = 0; i < chunkCount; i++) bigger[i] = chunks[(start + i) % chunks.length];
            chunks = bigger;
            start = 0;
        }
        chunks[(start + chunkCount) % chunks.length] = spareCount > 0 ? spares[--spareCount] : new byte[CHUNK];
        chunkCount++;
    }

    private void releaseChunksBefore(long position) {
        long keepFrom = position / CHUNK;
        while (chunkCount > 0 && firstChunk < keepFrom) {
            byte[] freed = chunks[start];
            chunks[start] = null;
            start = (start + 1) % chunks.length;
            chunkCount--;
            firstChunk++;
            if (spareCount < SPARE_CHUNKS) spares[spareCount++] = freed;
        }
    }

    private byte[] chunkOf(long at) {
        return chunks[(int) ((start + (at / CHUNK - firstChunk)) % chunks.length)];
    }

    // ---- index ----

    private static int hash(String key) {
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }

    private void insert(long at, int hash) {
        int mask = slots.length - 1;
        int i = hash & mask;
        while (slots[i] != 0) i = (i + 1) & mask;
        slots[i] = at + 1;
        slotHashes[i] = hash;
    }

    /** Removes the slot of the entry at {@code at}, shifting later slots of its probe run back (no tombstones). */
    private void remove(long at, int hash) {
        int mask = slots.length - 1;
        int i = hash & mask;
        while (slots[i] != at + 1) {
            if (slots[i] == 0) return;
            i = (i + 1) & mask;
        }
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (slots[j] == 0) break;
            int home = slotHashes[j] & mask;
            boolean staysPut = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (staysPut) continue;
            slots[i] = slots[j];
            slotHashes[i] = slotHashes[j];
            i = j;
        }
        slots[i] = 0;
        slotHashes[i] = 0;
    }

    private void rehash(int capacity) {
        long[] oldSlots = slots;
        int[] oldHashes = slotHashes;
        slots = new long[capacity];
        slotHashes = new int[capacity];
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != 0) insert(oldSlots[i] - 1, oldHashes[i]);
        }
    }

    // ---- numbers in chunks ----

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private static void putInt(byte[] b, int off, int v) { INT.set(b, off, v); }

    private static int getInt(byte[] b, int off) { return (int) INT.get(b, off); }

    private static void putLong(byte[] b, int off, long v) { LONG.set(b, off, v); }

    private static long getLong(byte[] b, int off) { return (long) LONG.get(b, off); }
}
