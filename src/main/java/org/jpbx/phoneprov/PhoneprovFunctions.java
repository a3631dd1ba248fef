package org.jpbx.phoneprov;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The dialplan functions res_phoneprov adds for templates:
 * <ul>
 *   <li>{@code ${PP_EACH_EXTENSION(<mac>,<template>)}}: the template rendered once for each line of
 *       the phone with exactly that MAC, in LINE order (for per-line blocks of a phone's file);</li>
 *   <li>{@code ${PP_EACH_USER(<text>|<mac to leave out>)}}: the text rendered once for each
 *       provisioned phone with the variables of its first line, where {@code %{NAME}} stands for
 *       {@code ${NAME}} (so that it is not substituted before the iteration); for directories.
 *       Without a {@code |}, a {@code ,} separates the two, as Asterisk's argument parsing does;
 *       the MAC left out is compared ignoring case.</li>
 * </ul>
 */
final class PhoneprovFunctions implements Substitution.Functions {
    private final Provisioning snapshot;
    private final String localAddress;

    PhoneprovFunctions(Provisioning snapshot, String localAddress) {
        this.snapshot = snapshot;
        this.localAddress = localAddress;
    }

    @Override
    public String call(String name, String args, Map<String, String> vars, Substitution sub, int depth) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "PP_EACH_EXTENSION" -> eachExtension(args, sub, depth);
            case "PP_EACH_USER" -> eachUser(args, sub, depth);
            default -> null;
        };
    }

    private String eachExtension(String args, Substitution sub, int depth) {
        int comma = args.indexOf(',');
        if (comma < 0) {
            sub.problems().add("PP_EACH_EXTENSION needs a MAC and a template file");
            return "";
        }
        String mac = args.substring(0, comma).strip();
        String file = args.substring(comma + 1).strip();
        Device d = snapshot.device(mac);
        if (d == null) {
            sub.problems().add("PP_EACH_EXTENSION: no phone has MAC " + mac);
            return "";
        }
        String template;
        try {
            template = snapshot.readTemplate(file);
        } catch (IOException e) {
            sub.problems().add("PP_EACH_EXTENSION: cannot read " + file + ": " + e.getMessage());
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (Line line : d.lines()) {
            out.append(sub.apply(template, Provisioning.withServer(line.vars(), localAddress), depth + 1));
            if (out.length() > Substitution.MAX_OUTPUT) throw new Substitution.TooLarge("PP_EACH_EXTENSION output too large");
        }
        return out.toString();
    }

    private String eachUser(String args, Substitution sub, int depth) {
        // the documented separator is '|'; Asterisk's argument parsing also splits at ','
        int bar = args.indexOf('|');
        if (bar < 0) bar = args.indexOf(',');
        String text = (bar < 0 ? args : args.substring(0, bar)).replace("%{", "${");
        String exclude = bar < 0 ? "" : args.substring(bar + 1).strip();
        int extra = exclude.indexOf(',');
        if (extra >= 0) exclude = exclude.substring(0, extra).strip();
        StringBuilder out = new StringBuilder();
        for (Device d : snapshot.devices()) {
            if (!exclude.isEmpty() && d.mac().equalsIgnoreCase(exclude)) continue;
            out.append(sub.apply(text, Provisioning.withServer(d.first().vars(), localAddress), depth + 1));
            if (out.length() > Substitution.MAX_OUTPUT) throw new Substitution.TooLarge("PP_EACH_USER output too large");
        }
        return out.toString();
    }
}
