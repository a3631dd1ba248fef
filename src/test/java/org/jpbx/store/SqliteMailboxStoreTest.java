package org.jpbx.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mailbox counts in the store's SQLite file: durable on return, kept across opens, added to older files by schema version 4. */
class SqliteMailboxStoreTest {
    @TempDir
    Path dir;

    private Path db() { return dir.resolve("contacts.db"); }

    @Test
    void countsAreKeptAcrossOpens() {
        new SqliteContactStore(db()).close();
        try (SqliteMailboxStore s = new SqliteMailboxStore(db())) {
            s.put(new MailboxRecord("1000@default", 2, 8));
            s.put(new MailboxRecord("1001@default", 0, 1));
            s.put(new MailboxRecord("1000@default", 3, 8));
            assertThat(s.remove("1001@default")).isTrue();
            assertThat(s.remove("1001@default")).isFalse();
        }
        try (SqliteMailboxStore s = new SqliteMailboxStore(db())) {
            assertThat(s.loadAll()).containsExactly(new MailboxRecord("1000@default", 3, 8));
        }
    }

    @Test
    void negativeCountsAndEmptyNamesAreRefused() {
        assertThatThrownBy(() -> new MailboxRecord("", 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailboxRecord("m", -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVersionThreeFileGetsTheMailboxTable() throws Exception {
        new SqliteContactStore(db()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("DROP TABLE mwi_mailboxes");
            s.execute("PRAGMA user_version = 3");
        }
        new SqliteContactStore(db()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(SqliteContactStore.SCHEMA_VERSION).isGreaterThanOrEqualTo(4);
        }
        try (SqliteMailboxStore s = new SqliteMailboxStore(db())) {
            s.put(new MailboxRecord("2000@default", 1, 0));
            assertThat(s.loadAll()).containsExactly(new MailboxRecord("2000@default", 1, 0));
        }
    }
}
