package com.acme.audit;

import com.acme.core.Ledger;

public class Auditor {
  public void audit(Ledger ledger) {
    synchronized (ledger.accounts) {
      synchronized (ledger.journal) {
        System.out.println("balanced");
      }
    }
  }
}
