package dev.deadbolt.javac;

import com.sun.source.tree.Tree;
import com.sun.tools.javac.tree.JCTree.JCIdent;
import com.sun.tools.javac.tree.JCTree.JCLiteral;

/**
 * Identifiers and literals: trees without children, about a third of a file's nodes, that none of
 * Deadbolt's walks collects or stops at, so the walks step over them rather than visit them (their
 * {@code visitIdentifier} and {@code visitLiteral} are never called).
 */
public final class ChildlessTrees {
  private ChildlessTrees() {}

  /** Whether the walks step over {@code tree}: an identifier or a literal. */
  public static boolean skipped(Tree tree) {
    return tree instanceof JCIdent || tree instanceof JCLiteral;
  }
}
