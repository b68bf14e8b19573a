package com.example.orders.ledger;

import dev.deadbolt.annotations.LockOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/** Balances and the journal of postings. Declared order: balances first, then the journal. */
@LockOrder({"balances", "journal"})
final class Ledger {
  private final ReentrantLock balances = new ReentrantLock();
  private final ReentrantLock journal = new ReentrantLock();
  private final Map<String, Long> byAccount = new HashMap<>();
  private final List<String> entries = new ArrayList<>();

  /** Follows the declared order. */
  void post(String account, long amount) {
    balances.lock();
    try {
      byAccount.merge(account, amount, Long::sum);
      journal.lock();
      try {
        entries.add(account + " " + amount);
      } finally {
        journal.unlock();
      }
    } finally {
      balances.unlock();
    }
  }

  /** A bug: holds the journal and then waits for the balances. */
  long reconcile() {
    journal.lock();
    try {
      long total = 0;
      balances.lock();
      try {
        for (long balance : byAccount.values()) {
          total += balance;
        }
      } finally {
        balances.unlock();
      }
      return total;
    } finally {
      journal.unlock();
    }
  }
}
