package org.jpbx.sip.transport;

import java.nio.file.Path;
import java.util.List;

/**
 * The TLS options of a pjsip.conf transport (protocol=tls). File paths are absolute or relative
 * to the working directory, as Asterisk reads them.
 *
 * @param method {@code default}, {@code tlsv1}, {@code tlsv1_1}, {@code tlsv1_2}, {@code tlsv1_3}
 *     (and the legacy sslv* names, which mean the default)
 * @param ciphers OpenSSL or IANA cipher names; empty for the engine's defaults
 */
public record TlsSettings(Path certFile, Path privKeyFile, String password, Path caListFile, Path caListPath,
                          boolean verifyClient, boolean verifyServer, boolean requireClientCert, String method,
                          List<String> ciphers, boolean allowWildcardCerts) {
    public TlsSettings {
        ciphers = ciphers == null ? List.of() : List.copyOf(ciphers);
        if (method == null || method.isEmpty()) method = "default";
        if (password != null && password.isEmpty()) password = null;
    }

    /** A TLS client with no certificate of its own that does not verify the server (pjsip's defaults). */
    public static TlsSettings clientDefaults() {
        return new TlsSettings(null, null, null, null, null, false, false, false, "default", java.util.List.of(), false);
    }

    /** The JDK protocol names the method allows. */
    public String[] protocols() {
        return switch (method) {
            case "tlsv1" -> new String[] {"TLSv1"};
            case "tlsv1_1" -> new String[] {"TLSv1.1"};
            case "tlsv1_2" -> new String[] {"TLSv1.2"};
            case "tlsv1_3" -> new String[] {"TLSv1.3"};
            default -> new String[] {"TLSv1.3", "TLSv1.2"};
        };
    }
}
