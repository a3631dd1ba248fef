package org.jpbx.pjsip.pubsub;

/** A NOTIFY body: its content type and text. */
public record Body(String contentType, String text) {
    public byte[] bytes() { return text.getBytes(java.nio.charset.StandardCharsets.UTF_8); }
}
