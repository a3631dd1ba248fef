package org.jpbx.pjsip.pubsub.rls;

import java.util.concurrent.ThreadLocalRandom;

/** The short random tokens of a list NOTIFY: boundaries, Content-IDs, instance ids (5 lowercase letters, as Asterisk writes them). */
final class Tokens {
    private Tokens() {}

    static final int LENGTH = 5;

    static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        char[] c = new char[LENGTH];
        for (int i = 0; i < c.length; i++) c[i] = (char) ('a' + r.nextInt(26));
        return new String(c);
    }
}
