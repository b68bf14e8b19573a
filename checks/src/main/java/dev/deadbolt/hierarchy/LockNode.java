package dev.deadbolt.hierarchy;

import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import dev.deadbolt.locks.LockId;
import java.util.Optional;

/**
 * A lock by declaration, as a lock hierarchy speaks of it: the field {@code Session.lock} whichever
 * {@code Session} holds it, the monitor of any {@code Session} instance, or {@code Session.class}. The
 * read and write sides of a {@code ReadWriteLock} belong to its field.
 *
 * @param kind what the symbol is the declaration of
 * @param symbol the field, or the class
 */
public record LockNode(Kind kind, Symbol symbol) {

  // Written out: a record's generated equals and hashCode link through a bootstrap method on first
  // use, a millisecond or more in a compile that has not yet needed that machinery.
  @Override
  public boolean equals(Object o) {
    return o instanceof LockNode other && kind == other.kind && symbol == other.symbol;
  }

  @Override
  public int hashCode() {
    return 31 * kind.hashCode() + System.identityHashCode(symbol);
  }

  /** What a node's symbol declares. */
  public enum Kind {
    FIELD,
    THIS,
    CLASS_LITERAL,
  }

  public static LockNode field(VarSymbol field) {
    return new LockNode(Kind.FIELD, field);
  }

  public static LockNode thisOf(ClassSymbol owner) {
    return new LockNode(Kind.THIS, owner);
  }

  public static LockNode classLiteral(ClassSymbol owner) {
    return new LockNode(Kind.CLASS_LITERAL, owner);
  }

  /** The declaration a held or acquired lock belongs to; empty for locals and other expressions. */
  public static Optional<LockNode> of(LockId lock) {
    Symbol declaration = lock.declaration();
    return switch (lock.origin()) {
      case FIELD -> declaration instanceof VarSymbol field
          ? Optional.of(field(field))
          : Optional.empty();
      case THIS -> declaration instanceof ClassSymbol cls ? Optional.of(thisOf(cls)) : Optional.empty();
      case CLASS_LITERAL -> declaration instanceof ClassSymbol cls
          ? Optional.of(classLiteral(cls))
          : Optional.empty();
      case LOCAL, OTHER -> Optional.empty();
    };
  }

  /** {@code Bank.ledger}, {@code Bank.this}, {@code Bank.class}. */
  public String display() {
    return switch (kind) {
      case FIELD -> symbol.owner.getSimpleName() + "." + symbol.getSimpleName();
      case THIS -> symbol.getSimpleName() + ".this";
      case CLASS_LITERAL -> symbol.getSimpleName() + ".class";
    };
  }

  /** {@code com.acme.Bank.ledger}: stable across compilations, for reports. */
  public String qualifiedName() {
    return switch (kind) {
      case FIELD -> ((ClassSymbol) symbol.owner).getQualifiedName() + "." + symbol.getSimpleName();
      case THIS -> ((ClassSymbol) symbol).getQualifiedName() + ".this";
      case CLASS_LITERAL -> ((ClassSymbol) symbol).getQualifiedName() + ".class";
    };
  }
}
