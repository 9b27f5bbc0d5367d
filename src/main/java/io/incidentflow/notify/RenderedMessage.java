package io.incidentflow.notify;

/** A message in words: subject (email), short text (SMS/voice, chat) and body (email). */
public record RenderedMessage(String subject, String text, String body) {
}
