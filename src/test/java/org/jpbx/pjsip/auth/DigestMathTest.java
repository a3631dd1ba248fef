package org.jpbx.pjsip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 7616 §3.9.1 (Mufasa, "Circle of Life", GET /dir/index.html) and the algorithm names. */
class DigestMathTest {
    private static final String REALM = "http-auth@example.org";
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    private static String rfc7616Response(DigestAlgorithm alg) {
        String ha1 = DigestMath.ha1(alg, "Mufasa", REALM, "Circle of Life");
        return DigestMath.response(alg, ha1, NONCE, "00000001", CNONCE, "auth", "GET", "/dir/index.html");
    }

    @Test
    void rfc7616Md5Example() {
        assertThat(rfc7616Response(DigestAlgorithm.MD5)).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test
    void rfc7616Sha256Example() {
        assertThat(rfc7616Response(DigestAlgorithm.SHA_256))
                .isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    }

    @Test
    void sha512256IsTheTruncatedSha512OfFips180() {
        // FIPS 180-4 example "abc" for SHA-512/256 (RFC 7616's SHA-512-256)
        assertThat(DigestAlgorithm.SHA_512_256.hex("abc"))
                .isEqualTo("53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23");
    }

    @Test
    void rfc2069FormWithoutQop() {
        // RFC 2069 §2.4 example: Mufasa / "CircleOfLife"
        String ha1 = DigestMath.ha1(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "CircleOfLife");
        String r = DigestMath.response(DigestAlgorithm.MD5, ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", null, null, null,
                "GET", "/dir/index.html");
        assertThat(r).isEqualTo("1949323746fe6a43ef61f9606e7febea");
    }

    @Test
    void namesAreTheIanaOnesInAnyCase() {
        assertThat(DigestAlgorithm.byName("md5")).isEqualTo(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.byName("sha-256")).isEqualTo(DigestAlgorithm.SHA_256);
        assertThat(DigestAlgorithm.byName("SHA-512-256")).isEqualTo(DigestAlgorithm.SHA_512_256);
        assertThat(DigestAlgorithm.byName("MD5-sess")).isNull();
        assertThat(DigestAlgorithm.byName("AKAv1-MD5")).isNull();
        assertThat(DigestAlgorithm.SHA_512_256.hexLength()).isEqualTo(64);
    }
}
