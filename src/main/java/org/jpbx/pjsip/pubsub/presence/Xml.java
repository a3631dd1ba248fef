package org.jpbx.pjsip.pubsub.presence;

/** Escaping for the few values the presence bodies put into XML text and attributes. */
final class Xml {
    private Xml() {}

    static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue; // not allowed in XML 1.0
                    b.append(c);
                }
            }
        }
        return b.toString();
    }
}
