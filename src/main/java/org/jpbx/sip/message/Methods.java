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
        outer:
        for (String m : ALL) {
            if (m.length() != len) continue;
            for (int i = 0; i < len; i++) if (m.charAt(i) != b[from + i]) continue outer;
            return m;
        }
        return null;
    }
}
