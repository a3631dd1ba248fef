package org.jpbx.conf;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Expands an include pattern the way glob(3) does for Asterisk: {@code {a,b}} braces first, each
 * alternative in the order written; then {@code *}, {@code ?} and {@code [...]} per path component,
 * each alternative's matches sorted. A wildcard does not match a leading dot, and a pattern without
 * wildcards is returned as is (the caller finds out whether it exists). Only the pattern is
 * expanded; the configuration directory it is relative to is taken literally.
 */
final class Glob {
    private Glob() {}

    static List<Path> expand(Path base, String pattern) {
        List<Path> out = new ArrayList<>();
        for (String alt : braces(pattern)) {
            boolean absolute = alt.startsWith("/");
            Path root = absolute ? Path.of("/") : base;
            if (!hasMagic(alt)) {
                out.add(absolute ? Path.of(alt) : base.resolve(alt));
                continue;
            }
            List<Path> candidates = List.of(root);
            for (String comp : alt.split("/")) {
                if (comp.isEmpty()) continue;
                candidates = step(candidates, comp);
            }
            List<Path> sorted = new ArrayList<>(candidates);
            sorted.sort(Comparator.comparing(Path::toString));
            out.addAll(sorted);
        }
        return out;
    }

    private static List<Path> step(List<Path> dirs, String comp) {
        List<Path> next = new ArrayList<>();
        if (!hasMagic(comp)) {
            for (Path d : dirs) next.add(d.resolve(unescape(comp)));
            return next;
        }
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) continue;
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(d)) {
                for (Path p : ds) {
                    String name = p.getFileName().toString();
                    if (name.startsWith(".") && !comp.startsWith(".")) continue;
                    if (matches(comp, name)) next.add(p);
                }
            } catch (IOException e) {
                // An unreadable directory contributes no matches, as with glob(3) without GLOB_ERR.
            }
        }
        return next;
    }

    static boolean hasMagic(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '*' || c == '?' || c == '[') return true;
        }
        return false;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) c = s.charAt(++i);
            sb.append(c);
        }
        return sb.toString();
    }

    /** {@code a{b,c{d,e}}f} becomes abf, acdf, acef, in that order. An unclosed brace is literal. */
    static List<String> braces(String p) {
        int open = -1, depth = 0, close = -1;
        List<Integer> commas = new ArrayList<>();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '{') {
                if (depth++ == 0 && open < 0) open = i;
            } else if (c == '}' && depth > 0) {
                if (--depth == 0 && open >= 0) { close = i; break; }
            } else if (c == ',' && depth == 1 && open >= 0) {
                commas.add(i);
            }
        }
        if (open < 0 || close < 0) return List.of(p);
        String prefix = p.substring(0, open), suffix = p.substring(close + 1);
        List<String> out = new ArrayList<>();
        int from = open + 1;
        commas.add(close);
        for (int end : commas) {
            out.addAll(braces(prefix + p.substring(from, end) + suffix));
            from = end + 1;
        }
        return out;
    }

    /** fnmatch(3) for one file name: {@code *}, {@code ?}, {@code [a-z]}, {@code [!x]}/{@code [^x]}, {@code \x}. */
    static boolean matches(String pat, String name) {
        return match(pat, 0, name, 0);
    }

    private static boolean match(String pat, int pi, String s, int si) {
        while (pi < pat.length()) {
            char c = pat.charAt(pi);
            switch (c) {
                case '*' -> {
                    while (pi < pat.length() && pat.charAt(pi) == '*') pi++;
                    if (pi == pat.length()) return true;
                    for (int k = si; k <= s.length(); k++) if (match(pat, pi, s, k)) return true;
                    return false;
                }
                case '?' -> {
                    if (si >= s.length()) return false;
                    pi++;
                    si++;
                }
                case '[' -> {
                    int end = bracketEnd(pat, pi);
                    if (end < 0) {
                        if (si >= s.length() || s.charAt(si) != '[') return false;
                        pi++;
                        si++;
                    } else {
                        if (si >= s.length() || !inBracket(pat, pi + 1, end, s.charAt(si))) return false;
                        pi = end + 1;
                        si++;
                    }
                }
                default -> {
                    if (c == '\\' && pi + 1 < pat.length()) c = pat.charAt(++pi);
                    if (si >= s.length() || s.charAt(si) != c) return false;
                    pi++;
                    si++;
                }
            }
        }
        return si == s.length();
    }

    private static int bracketEnd(String pat, int open) {
        int i = open + 1;
        if (i < pat.length() && (pat.charAt(i) == '!' || pat.charAt(i) == '^')) i++;
        if (i < pat.length() && pat.charAt(i) == ']') i++;
        for (; i < pat.length(); i++) if (pat.charAt(i) == ']') return i;
        return -1;
    }

    private static boolean inBracket(String pat, int from, int end, char c) {
        boolean negate = pat.charAt(from) == '!' || pat.charAt(from) == '^';
        if (negate) from++;
        boolean hit = false;
        for (int i = from; i < end; i++) {
            char lo = pat.charAt(i);
            if (i + 2 < end && pat.charAt(i + 1) == '-') {
                char hi = pat.charAt(i + 2);
                if (c >= lo && c <= hi) hit = true;
                i += 2;
            } else if (lo == c) {
                hit = true;
            }
        }
        return hit != negate;
    }
}
