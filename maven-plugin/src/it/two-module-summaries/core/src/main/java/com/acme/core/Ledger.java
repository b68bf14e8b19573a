package com.acme.core;

public class Ledger {
  public final Object accounts = new Object();
  public final Object journal = new Object();
  private long balance;

  public void post(long amount) {
    synchronized (accounts) {
      synchronized (journal) {
        balance += amount;
      }
    }
  }

  public void audit() {
    synchronized (accounts) {
      balance += 0;
    }
  }
}
