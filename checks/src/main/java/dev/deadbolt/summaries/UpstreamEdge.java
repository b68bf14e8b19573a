package dev.deadbolt.summaries;

import dev.deadbolt.hierarchy.LockNode;

/**
 * A lock-acquisition edge that a compilation on the class path observed (a lock acquired while another
 * is held), as its summaries file records it, with its first site there.
 *
 * @param method {@code Ledger.post()}
 * @param file the source file's name, {@code Ledger.java}
 * @param origin the jar or class directory the file was read from
 */
public record UpstreamEdge(
    LockNode held, LockNode acquired, String method, String file, long line, String origin) {}
