package org.jpbx.pjsip.config.tables;

import static org.jpbx.pjsip.config.tables.Kinds.*;

import org.jpbx.pjsip.config.OptionTable;
import org.jpbx.pjsip.config.types.EnumType;
import org.jpbx.pjsip.config.types.HexType;
import org.jpbx.pjsip.config.types.PasswordDigestType;

/** type=auth (pjsip-objects.md §3). */
public final class AuthOptions {
    private AuthOptions() {}

    public static final OptionTable TABLE = OptionTable.builder("auth")
            .opt("auth_type", EnumType.of("digest", "userpass", "md5", "google_oauth"), "userpass",
                    "Credential kind (userpass and md5 are old spellings of digest)")
            .opt("username", STRING, "", "User name in Authorization")
            .opt("password", STRING, "", "Plain-text password")
            .many("password_digest", PasswordDigestType.INSTANCE, "", "Precomputed digest per algorithm, <algorithm>:<hex>")
            .opt("md5_cred", HexType.MD5, null, "Deprecated: same as password_digest = MD5:<value>")
            .opt("realm", STRING, "", "Realm of challenges (UAS) or realm answered (UAC; empty or * = any)")
            .opt("nonce_lifetime", SECONDS, "32", "Validity of our nonces (s)")
            .opt("supported_algorithms_uas", DIGEST_ALGORITHMS, "", "Digest algorithms in our challenges (empty = global default)")
            .opt("supported_algorithms_uac", DIGEST_ALGORITHMS, "", "Digest algorithms we answer (empty = global default)")
            .opt("refresh_token", STRING, "", "OAuth refresh token")
            .opt("oauth_clientid", STRING, "", "OAuth client id")
            .opt("oauth_secret", STRING, "", "OAuth client secret")
            .build();
}
