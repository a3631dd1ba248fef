package org.jpbx.store;

import java.util.Locale;

/**
 * When a write to the contact store counts as done, named after SQLite's {@code synchronous}
 * pragma, which it sets ({@code [store] synchronous} in jpbx.conf).
 */
public enum SyncMode {
    /**
     * A commit is done once SQLite has written it to the WAL file (in the OS's page cache): it
     * survives the death of jpbx, {@code kill -9} included. The WAL is then synced to disk in the
     * background within {@value WalSync#INTERVAL_MS} ms, so an OS crash or power cut can lose only
     * the acknowledgements of that last moment. A slow disk flush never holds up a 200.
     */
    NORMAL,
    /** A commit is done once the WAL is fsynced: it survives power loss too, and every 200 waits for the disk. */
    FULL;

    /** The mode named by {@code text} (case-insensitive), or null when it names none. */
    public static SyncMode parse(String text) {
        if (text == null) return null;
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "normal" -> NORMAL;
            case "full" -> FULL;
            default -> null;
        };
    }
}
