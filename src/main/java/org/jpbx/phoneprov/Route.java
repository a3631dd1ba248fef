package org.jpbx.phoneprov;

/** One provisioning URI below {@code /phoneprov/}, matched exactly and case-sensitively. */
public sealed interface Route {
    String uri();

    Profile profile();

    /** The MIME type sent with the file. */
    String mimeType();

    /** A file sent as it is: {@code file} is below the phoneprov directory ({@code staticdir} + name). */
    record Static(String uri, Profile profile, String file, String mimeType) implements Route {}

    /** A template rendered with the variables of {@code device}'s first line at each request. */
    record Dynamic(String uri, Profile profile, Device device, String template, String mimeType) implements Route {}
}
