package org.jpbx.pjsip.config.types;

import java.util.ArrayList;
import java.util.List;
import org.jpbx.sip.message.SipParseException;
import org.jpbx.sip.message.SipUri;

/**
 * A {@code sip:}/{@code sips:} URI checked as Asterisk checks permanent contacts and registration
 * URIs: it must parse, the whole URI may be at most {@value #MAX_URI} characters and the host at
 * most {@value #MAX_HOST}. As a list ({@code contact}), comma-separated items accumulate.
 */
public final class UriType implements ValueType<List<String>> {
    public static final int MAX_URI = 255;
    public static final int MAX_HOST = 128;
    public static final UriType LIST = new UriType();

    private UriType() {}

    /** Null when {@code uri} is acceptable, else why not. */
    public static String problem(String uri) {
        if (uri.length() > MAX_URI) return "URI longer than " + MAX_URI + " characters";
        try {
            SipUri u = SipUri.parse(uri);
            if (u.host().length() > MAX_HOST) return "host longer than " + MAX_HOST + " characters";
            return null;
        } catch (SipParseException | IllegalArgumentException e) {
            return "'" + uri + "' is not a valid sip: or sips: URI";
        }
    }

    @Override
    public List<String> parse(String text, Warnings warnings) throws BadValueException {
        return accumulate(List.of(), text, warnings);
    }

    @Override
    public List<String> accumulate(List<String> current, String text, Warnings warnings) throws BadValueException {
        List<String> out = new ArrayList<>(current == null ? List.of() : current);
        for (String item : ListType.split(text)) {
            String p = problem(item);
            if (p != null) throw new BadValueException(p);
            out.add(item);
        }
        return List.copyOf(out);
    }

    @Override
    public String format(List<String> value) { return String.join(",", value); }

    @Override
    public String describe() { return "sip: or sips: URIs"; }
}
