package org.jpbx.pjsip.auth;

import java.util.List;
import org.jpbx.pjsip.config.Auth;

/**
 * What digest verification decided about a request. {@link Challenge} and {@link Failed} both
 * mean "send 401 with these WWW-Authenticate values" (one header per value, in order); they
 * differ only in what is logged and counted: {@link Failed} is Asterisk's "Failed to
 * authenticate" (NOTICE, ChallengeResponseFailed), {@link Challenge} is a plain challenge
 * (ChallengeSent, no NOTICE).
 */
public sealed interface AuthResult {

    /** The credentials of {@code auth} were right and its nonce fresh: the request proceeds. */
    record Success(Auth auth) implements AuthResult {}

    /**
     * No usable credentials: no Digest Authorization header at all, or right credentials on an
     * expired nonce (then the values of that auth carry {@code stale=true}).
     */
    record Challenge(List<String> wwwAuthenticateValues) implements AuthResult {
        public Challenge { wwwAuthenticateValues = List.copyOf(wwwAuthenticateValues); }

        /** True when some value tells the client its nonce was stale. */
        public boolean stale() { return DigestAuthenticator.anyStale(wwwAuthenticateValues); }
    }

    /**
     * Credentials were given and every auth refused them (wrong password, unknown username,
     * realm or algorithm not offered, a nonce not made here...). {@code reason} is for the log
     * only; the values are a fresh challenge, never marked stale.
     */
    record Failed(String reason, List<String> wwwAuthenticateValues) implements AuthResult {
        public Failed { wwwAuthenticateValues = List.copyOf(wwwAuthenticateValues); }
    }

    /** The WWW-Authenticate values to send with the 401; empty on success. */
    default List<String> wwwAuthenticateValues() {
        return switch (this) {
            case Success s -> List.of();
            case Challenge c -> c.wwwAuthenticateValues();
            case Failed f -> f.wwwAuthenticateValues();
        };
    }
}
