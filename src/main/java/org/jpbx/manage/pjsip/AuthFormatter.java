package org.jpbx.manage.pjsip;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jpbx.pjsip.config.Auth;

/** {@code Auth}/{@code InAuth}/{@code OutAuth} rows: {@code <id>/<username>}. */
final class AuthFormatter extends Formatter<Auth> {
    static final AuthFormatter INSTANCE = new AuthFormatter();

    /** Shown instead of a secret. */
    static final String MASK = "********";

    /** Options whose values are secrets or equivalent to one. */
    private static final Set<String> SECRETS = Set.of("password", "md5_cred", "oauth_secret", "refresh_token");

    private AuthFormatter() {}

    @Override
    List<Auth> all(CliContext c) { return c.config.auths(); }

    @Override
    Optional<Auth> find(CliContext c, String id) { return c.config.auth(id); }

    @Override
    String key(Auth a) { return a.id(); }

    @Override
    void printHeader(CliContext c) {
        c.title("I/OAuth").line("  <AuthId/UserName" + CliLayout.dots(CliLayout.MAX_WIDTH - c.indent() - 20) + ">");
    }

    @Override
    void printBody(Auth a, CliContext c) {
        String title = (c.authDirection == null ? "" : c.authDirection) + "Auth";
        c.title(title).line("  " + a.id() + "/" + a.username());
        details(a, c);
    }

    /**
     * Unlike Asterisk, which prints the password of {@code pjsip show auth} in clear, jpbx masks
     * every secret: the password, the precomputed digests (they authenticate as well as the
     * password does) and the OAuth secrets. An empty value stays empty so that "no password" remains
     * visible; digests keep their algorithm names.
     */
    @Override
    List<CliLayout.Parameter> parameters(Auth a) {
        return ObjectParameters.of(a.object(), (name, value) -> {
            if (value.isEmpty()) return value;
            if (SECRETS.contains(name)) return MASK;
            if (name.equals("password_digest")) return maskDigests(value);
            return value;
        });
    }

    /** {@code MD5:abc,SHA-256:def} becomes {@code MD5:********,SHA-256:********}. */
    private static String maskDigests(String value) {
        StringBuilder b = new StringBuilder();
        for (String item : value.split(",")) {
            if (!b.isEmpty()) b.append(',');
            int colon = item.indexOf(':');
            b.append(colon < 0 ? MASK : item.substring(0, colon + 1) + MASK);
        }
        return b.toString();
    }
}
