package com.acme.app;

import com.acme.core.Ledger;

public class Reconciler {
  private final Ledger ledger;

  public Reconciler(Ledger ledger) {
    this.ledger = ledger;
  }

  public void reconcile() {
    synchronized (ledger.journal) {
      ledger.audit();
    }
  }
}
