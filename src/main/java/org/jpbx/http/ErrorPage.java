package org.jpbx.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/** The small HTML page sent with every error status, like Asterisk's: a title, a sentence, no internals. */
final class ErrorPage {
    private ErrorPage() {}

    static HttpResponse response(int status, String detail) {
        String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
        String html = "<!DOCTYPE html>\n<html><head>\n<title>" + status + " " + escape(reason) + "</title>\n</head><body>\n<h1>"
                + escape(reason) + "</h1>\n<p>" + escape(detail) + "</p>\n<hr />\n<address>jpbx</address>\n</body></html>\n";
        return HttpResponse.text(status, "text/html", html);
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
