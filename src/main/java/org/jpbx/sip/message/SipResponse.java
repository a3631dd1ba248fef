package org.jpbx.sip.message;

/** A SIP response: status code, reason phrase and headers. */
public final class SipResponse extends SipMessage {
    private final int status;
    private final String reason;

    public SipResponse(int status, String reason) {
        this(status, reason, 12);
    }

    SipResponse(int status, String reason, int expectedHeaders) {
        super(expectedHeaders);
        this.status = status;
        this.reason = reason == null ? StatusCodes.reasonPhrase(status) : reason;
    }

    @Override public boolean isRequest() { return false; }
    public int status() { return status; }
    public String reason() { return reason; }
    public boolean isProvisional() { return status < 200; }
    public boolean isFinal() { return status >= 200; }
    public boolean isSuccess() { return status >= 200 && status < 300; }
}
