package dev.deadbolt.report;

/**
 * What silences a finding: the annotation as written, the declaration it sits on, and the reason given
 * for it (empty when none is).
 *
 * @param annotation the annotation's source, e.g. {@code @SuppressWarnings("BlockingCallUnderLock")}
 * @param target the declaration it annotates, e.g. {@code method com.acme.Poller.poll()}
 * @param reason why, as the code says it: a {@code @BoundedBy} value, or the {@code //} comment that
 *     follows a {@code @SuppressWarnings} on its line or stands on the lines right above it
 */
public record Suppression(String annotation, String target, String reason) {}
