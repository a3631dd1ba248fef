package org.jpbx.phoneprov;

import java.util.Locale;
import java.util.Map;

/** The file-extension table of Asterisk's HTTP server, used when a profile line names no MIME type. */
final class MimeTypes {
    private MimeTypes() {}

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("png", "image/png"),
            Map.entry("xml", "text/xml"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("js", "application/x-javascript"),
            Map.entry("wav", "audio/x-wav"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("svgz", "image/svg+xml"),
            Map.entry("gif", "image/gif"),
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("css", "text/css"));

    /** The type for {@code fileName}'s extension, or null when the table has none. */
    static String byExtension(String fileName) {
        int slash = fileName.lastIndexOf('/');
        int dot = fileName.lastIndexOf('.');
        if (dot <= slash || dot == fileName.length() - 1) return null;
        return BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
