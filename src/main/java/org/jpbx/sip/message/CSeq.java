package org.jpbx.sip.message;

/** The CSeq header: a sequence number (0 to 2^32-1, RFC 3261 §8.1.1.5) and a method. */
public record CSeq(long number, String method) {
    public static final long MAX = 0xFFFFFFFFL;

    public static CSeq parse(String value) {
        Scanner sc = new Scanner(value, "CSeq header");
        sc.skipWs();
        long n = sc.number(MAX, "CSeq number");
        int save = sc.pos;
        sc.skipWs();
        if (sc.pos == save) throw sc.error("expected whitespace between number and method");
        String method = sc.token();
        sc.expectEnd();
        return new CSeq(n, method);
    }

    @Override
    public String toString() { return number + " " + method; }
}
