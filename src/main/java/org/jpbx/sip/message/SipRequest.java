package org.jpbx.sip.message;

/** A SIP request: method, Request-URI and headers. */
public final class SipRequest extends SipMessage {
    private final String method;
    private Uri requestUri;
    private final String version;
    private boolean unsupportedVersion;

    public SipRequest(String method, Uri requestUri) {
        this(method, requestUri, "SIP/2.0", 12);
    }

    SipRequest(String method, Uri requestUri, String version, int expectedHeaders) {
        super(expectedHeaders);
        this.method = method;
        this.requestUri = requestUri;
        this.version = version;
    }

    @Override public boolean isRequest() { return true; }
    public String method() { return method; }
    public boolean isMethod(String m) { return method.equals(m); }
    /** The Request-URI; null only on a request whose start line could not be parsed. */
    public Uri requestUri() { return requestUri; }
    public void setRequestUri(Uri uri) { this.requestUri = uri; }
    public String version() { return version; }

    /** True when the start line named a SIP version other than 2.0 (answered 505). */
    public boolean hasUnsupportedVersion() { return unsupportedVersion; }
    void markUnsupportedVersion() { unsupportedVersion = true; }
}
