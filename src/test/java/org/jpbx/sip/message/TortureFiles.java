package org.jpbx.sip.message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Reads the RFC 4475 torture messages from the shared folder beside the checkout (never copied in). */
public final class TortureFiles {
    private TortureFiles() {}

    public static Path dir() {
        String shared = System.getProperty("jpbx.shared.dir");
        Path base = shared != null ? Paths.get(shared) : Paths.get("..", "shared");
        return base.resolve("rfc4475");
    }

    public static byte[] read(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name + ".dat"));
        } catch (IOException e) {
            throw new IllegalStateException("RFC 4475 file " + name + " not readable in " + dir(), e);
        }
    }
}
