package org.jpbx.sip.message;

/** The CSeq header: a sequence number (0 to 2^32-1, RFC 3261 §8.1.1.5) and a method. */
public record CSeq(long number, String method) {
    public static final long MAX = 0xFFFFFFFFL;

    public static CSeq parse(String value) {
        return parse(Scanner.of(value, "CSeq header"));
    }

    static CSeq parse(Scanner sc) {
        sc.skipWs();
        long n = sc.number(MAX, "CSeq number");
        int save = sc.pos;
        sc.skipWs();
        if (sc.pos == save) throw sc.error("expected whitespace between number and method");
        int ms = sc.pos;
        while (sc.pos < sc.end && Chars.isToken(sc.at(sc.pos))) sc.pos++;
        if (sc.pos == ms) throw sc.error("expected a method");
        String method = Methods.lookup(sc.b, ms, sc.pos);
        if (method == null) method = sc.str(ms, sc.pos);
        sc.expectEnd();
        return new CSeq(n, method);
    }

    @Override
    public String toString() { return number + " " + method; }
}
