package dev.deadbolt.checks;

import dev.deadbolt.locks.LockId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** How held locks read in a finding. */
final class Locks {
  private Locks() {}

  /** {@code `lock` is held}, {@code `a` and `b` are held}, {@code `a`, `b` and `c` are held}. */
  static String heldPhrase(Collection<LockId> locks) {
    List<String> names = new ArrayList<>();
    for (LockId lock : locks) {
      names.add("`" + lock.displayName() + "`");
    }
    return heldPhraseOf(names);
  }

  /** The same for names already written as they should read. */
  static String heldPhraseOf(List<String> names) {
    if (names.size() == 1) {
      return names.get(0) + " is held";
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1)
        + " are held";
  }
}
