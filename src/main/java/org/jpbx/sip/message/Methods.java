package org.jpbx.sip.message;

/** Method names; the parser maps the common ones to these shared strings without allocating. */
public final class Methods {
    public static final String INVITE = "INVITE";
    public static final String ACK = "ACK";
    public static final String BYE = "BYE";
    public static final String CANCEL = "CANCEL";
    public static final String OPTIONS = "OPTIONS";
    public static final String REGISTER = "REGISTER";
    public static final String SUBSCRIBE = "SUBSCRIBE";
    public static final String NOTIFY = "NOTIFY";
    public static final String PUBLISH = "PUBLISH";
    public static final String INFO = "INFO";
    public static final String PRACK = "PRACK";
    public static final String UPDATE = "UPDATE";
    public static final String MESSAGE = "MESSAGE";
    public static final String REFER = "REFER";

    private static final String[] ALL = {INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, SUBSCRIBE, NOTIFY, PUBLISH, INFO, PRACK, UPDATE, MESSAGE, REFER};

    private Methods() {}

    /** The shared constant when the bytes spell a known method (case-sensitively, as §7.1 says), else null. */
    static String lookup(byte[] b, int from, int to) {
        int len = to - from;
        if (len < 3 || len > 9) return null;
        // the candidates by first letter; at most two share one (PUBLISH/PRACK, SUBSCRIBE)
        String m1, m2 = null;
        switch (b[from]) {
            case 'R' -> { m1 = REGISTER; m2 = REFER; }
            case 'I' -> { m1 = INVITE; m2 = INFO; }
            case 'A' -> m1 = ACK;
            case 'B' -> m1 = BYE;
            case 'C' -> m1 = CANCEL;
            case 'O' -> m1 = OPTIONS;
            case 'S' -> m1 = SUBSCRIBE;
            case 'N' -> m1 = NOTIFY;
            case 'P' -> { m1 = PUBLISH; m2 = PRACK; }
            case 'U' -> m1 = UPDATE;
            case 'M' -> m1 = MESSAGE;
            default -> { return null; }
        }
        if (matches(m1, b, from, len)) return m1;
        if (m2 != null && matches(m2, b, from, len)) return m2;
        return null;
    }

    private static boolean matches(String m, byte[] b, int from, int len) {
        if (m.length() != len) return false;
        for (int i = 1; i < len; i++) if (m.charAt(i) != b[from + i]) return false;
        return true;
    }
}
