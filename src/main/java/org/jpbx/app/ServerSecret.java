package org.jpbx.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The secret that signs digest nonces, kept in the data directory so that nonces stay valid across
 * a restart (a phone that was challenged just before it is not challenged twice) and so that
 * several nodes sharing the file accept each other's nonces. Created on first start, owner-only.
 */
final class ServerSecret {
    static final String FILE = "nonce.secret";

    private ServerSecret() {}

    static byte[] load(Path dataDir) {
        Path f = dataDir.resolve(FILE);
        try {
            if (Files.exists(f)) {
                byte[] s = Files.readAllBytes(f);
                if (s.length >= 16) return s;
            }
            byte[] s = new byte[32];
            new SecureRandom().nextBytes(s);
            Files.createDirectories(dataDir);
            Path tmp = dataDir.resolve(FILE + ".tmp");
            Files.write(tmp, s, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the nonce secret " + f, e);
        }
    }
}
