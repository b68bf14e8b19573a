package dev.deadbolt.catalog;

/**
 * One line of a catalog file.
 *
 * @param pattern the methods the line names
 * @param excluded whether the line (written with a leading {@code !}) removes those methods instead
 * @param reason why they block, in a few words ("sleeps the thread"); empty for exclusions
 * @param source where the line was read, {@code file:line}, for messages about it
 */
public record CatalogEntry(MethodPattern pattern, boolean excluded, String reason, String source) {}
