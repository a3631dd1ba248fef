package org.jpbx.pjsip.config.types;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An endpoint's ordered codec preference list, as {@code allow}/{@code disallow} build it. Each
 * codec has an optional packetization in ms (0 = the codec's default). Shown as Asterisk does:
 * {@code (ulaw|alaw)}, or {@code (nothing)} when empty.
 */
public record CodecList(List<Codec> codecs) {
    public record Codec(String name, int framingMs) {}

    public static final CodecList EMPTY = new CodecList(List.of());

    public CodecList {
        codecs = List.copyOf(codecs);
    }

    public List<String> names() { return codecs.stream().map(Codec::name).toList(); }

    public boolean contains(String name) { return codecs.stream().anyMatch(c -> c.name().equals(name)); }

    public boolean isEmpty() { return codecs.isEmpty(); }

    /** Appends {@code name} unless present (a present codec keeps its place and framing). */
    CodecList add(String name, int framing) {
        if (contains(name)) return this;
        List<Codec> l = new ArrayList<>(codecs);
        l.add(new Codec(name, framing));
        return new CodecList(l);
    }

    CodecList remove(String name) {
        return new CodecList(codecs.stream().filter(c -> !c.name().equals(name)).toList());
    }

    /** {@code ulaw,alaw:20}: the list as an allow= value. */
    public String confText() {
        return codecs.stream().map(c -> c.framingMs() > 0 ? c.name() + ":" + c.framingMs() : c.name()).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return codecs.isEmpty() ? "(nothing)" : "(" + String.join("|", names()) + ")";
    }
}
