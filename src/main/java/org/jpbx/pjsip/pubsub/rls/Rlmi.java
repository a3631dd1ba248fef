package org.jpbx.pjsip.pubsub.rls;

/**
 * Writes an RLMI document (application/rlmi+xml, RFC 4662 §5.2): the list's URI, version and
 * fullState, its name, then one {@code <resource>} per member included in this NOTIFY with its
 * instance and the Content-ID of its body part.
 */
final class Rlmi {
    static final String CONTENT_TYPE = "application/rlmi+xml";

    private final StringBuilder b = new StringBuilder(512);

    Rlmi(String uri, long version, boolean fullState, String name) {
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<list xmlns=\"urn:ietf:params:xml:ns:rlmi\" uri=\"").append(escape(uri)).append("\" version=\"").append(version)
                .append("\" fullState=\"").append(fullState).append("\">\n");
        b.append(" <name>").append(escape(name)).append("</name>\n");
    }

    /** A member with a body part: {@code state} active or terminated. */
    Rlmi resource(String uri, String name, String instanceId, String state, String cid) {
        open(uri, name);
        b.append("  <instance id=\"").append(instanceId).append("\" state=\"").append(state).append("\" cid=\"").append(escape(cid))
                .append("\"/>\n");
        return close();
    }

    /** A member whose subscription ended on its own (its hint was removed): terminated, with a reason and no body. */
    Rlmi ended(String uri, String name, String instanceId, String reason) {
        open(uri, name);
        b.append("  <instance id=\"").append(instanceId).append("\" state=\"terminated\" reason=\"").append(reason).append("\"/>\n");
        return close();
    }

    private void open(String uri, String name) {
        b.append(" <resource uri=\"").append(escape(uri)).append("\">\n");
        b.append("  <name>").append(escape(name)).append("</name>\n");
    }

    private Rlmi close() {
        b.append(" </resource>\n");
        return this;
    }

    String text() { return b + "</list>\n"; }

    static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> null;
            };
            if (rep == null) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
            out.append(rep);
        }
        return out == null ? s : out.toString();
    }
}
