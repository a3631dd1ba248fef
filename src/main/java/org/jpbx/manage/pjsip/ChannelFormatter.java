package org.jpbx.manage.pjsip;

import java.util.List;
import java.util.Optional;

/**
 * {@code Channel} rows ({@code <name>/<application>}, state, age) each followed, when recursing, by
 * an {@code Exten} row (dialled extension and connected line). Only printed under an endpoint.
 */
final class ChannelFormatter {
    static final ChannelFormatter INSTANCE = new ChannelFormatter();

    private ChannelFormatter() {}

    void printHeader(CliContext c) {
        c.title("Channel").line("  <ChannelId" + CliLayout.dots(CliLayout.LAST_TABSTOP - c.indent() - 13)
                + ">  <State.....>  <Time.....>");
        if (c.recurse) {
            c.nested(() -> c.title("Exten").line(" <DialedExten" + CliLayout.dots(CliLayout.LAST_TABSTOP - c.indent() - 38)
                    + ">  CLCID: <ConnectedLineCID.......>"));
        }
    }

    void printBody(ChannelInfo ch, CliContext c) {
        int flexwidth = CliLayout.LAST_TABSTOP - c.indent();
        c.title("Channel").line(" " + CliLayout.fit(ch.name() + "/" + ch.application(), flexwidth)
                + " " + CliLayout.fit(ch.state(), 12)
                + "  " + CliLayout.fit(hhmmss(ch.age().toSeconds()), 11));
        if (c.recurse) {
            c.nested(() -> c.title("Exten").line(" " + CliLayout.fit(nz(ch.exten()), CliLayout.LAST_TABSTOP - c.indent() - 25)
                    + "  CLCID: \"" + nz(ch.connectedName()) + "\" <" + nz(ch.connectedNumber()) + ">"));
            c.endOfRecursiveObject();
        }
    }

    static String hhmmss(long seconds) {
        long s = Math.max(0, seconds);
        return String.format("%02d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
    }

    private static String nz(String s) { return Optional.ofNullable(s).orElse(""); }

    static List<ChannelInfo> ofEndpoint(CliContext c, String endpointId) { return c.runtime.channels(endpointId); }
}
